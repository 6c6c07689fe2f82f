import type { Evaluator } from '../evaluate/evaluator.js';
import { messageOf } from '../errors.js';
import type { Row } from './rows.js';

/** Rebuild a row's recipe with the caches bypassed: the same module must come out, and pass validation. */
export async function replay(ev: Evaluator, r: Row): Promise<void> {
  if (!r.recipe || r.error) return;
  const again = await ev.recheck(r.recipe).catch((e: unknown) => messageOf(e));
  r.replay =
    typeof again === 'string' ? { ok: false, detail: `replay failed: ${again}` }
    : again.state !== 'ok' ? { ok: false, detail: `${again.reason}: ${again.detail}` }
    : again.hash !== r.hash ? { ok: false, detail: `rebuilt module ${again.hash} differs from the reported ${r.hash}` }
    : { ok: true };
}


/**
 * WebAssembly text → binary through wabt, for user modules given as .wat. wabt is loaded on the first
 * call, so a process that is never given text never loads it.
 */
import type wabtInit from 'wabt';
import { WasmtuneError, messageOf } from '../errors.js';

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function watToWasm(text: string, filename: string): Promise<Uint8Array> {
  wabt ??= await (await import('wabt')).default();
  let mod: ReturnType<typeof wabt.parseWat> | undefined;
  try {
    mod = wabt.parseWat(filename, text, {
      mutable_globals: true, sign_extension: true, sat_float_to_int: true, bulk_memory: true, multi_value: true, simd: true, reference_types: true,
    });
    return mod.toBinary({}).buffer;
  } catch (e) {
    const first = messageOf(e).split('\n').find((l) => /error/.test(l)) ?? messageOf(e).split('\n')[0];
    throw new WasmtuneError('E_BAD_WAT', `WAT syntax error: ${first?.trim()}`);
  } finally {
    mod?.destroy();
  }
}

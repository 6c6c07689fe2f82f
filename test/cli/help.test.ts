// Help comes from the option tables: the overview lists every command with its summary, and each
// command's help shows its usage, its arguments and every flag with its default.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { COMMAND_NAMES, commandOf } from '../../src/cli/commands/index.js';
import { LEARNER_DEFAULTS } from '../../src/learn/learner.js';

describe('help', () => {
  it('wasmtune --help lists every command with its summary; no command at all is a usage error', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`\\n  ${name} +${commandOf(name).summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(r.stdout);
  });

  for (const name of COMMAND_NAMES) {
    it(`wasmtune ${name} --help shows every flag of its table`, async () => {
      const r = await cli(name, '--help');
      expect(r.code).toBe(0);
      const text = r.stdout.replace(/\s+/g, ' ');
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Usage: wasmtune ${name}\\b`));
      const c = commandOf(name);
      for (const p of c.positionals) expect(r.stdout).toContain(p.name);
      for (const [k, o] of Object.entries(c.options)) {
        expect(r.stdout).toContain(`--${k}`);
        if (o.default !== undefined) expect(text).toMatch(new RegExp(`--${k}\\b[^]*?\\(default ${o.default.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
      }
      expect((await cli('help', name)).stdout).toBe(r.stdout);
      expect((await cli(name, '-h')).stdout).toBe(r.stdout);
    });
  }

  it("train's defaults are the learner's", () => {
    const o = commandOf('train').options;
    expect(Number(o.lr!.default)).toBe(LEARNER_DEFAULTS.lr);
    expect(Number(o.clip!.default)).toBe(LEARNER_DEFAULTS.clip);
    expect(o.algo!.default).toBe(LEARNER_DEFAULTS.algo);
    expect(o.optimizer!.default).toBe(LEARNER_DEFAULTS.optimizer);
    expect(o.schedule!.default).toBe(LEARNER_DEFAULTS.schedule);
  });
});

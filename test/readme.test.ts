// README.md's walkthrough ("Tuning your own module") works as written: its harness is the example's, and
// every command in its `sh walkthrough` blocks runs, in order, in a fresh directory holding only the
// module and that harness, exits 0 and leaves the files the text names.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli/process.js';
import { INVALID_REASONS } from '../src/types.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const EXAMPLE = new URL('../examples/life/', import.meta.url).pathname;

/** The text of a `## title` section, up to the next `## ` heading. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section '## ${title}'`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The fenced code blocks of a Markdown text, with their info strings. */
function fences(markdown: string): Array<{ info: string; body: string }> {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!.trim(), body: m[2]! }));
}

const walkthrough = section(README, 'Tuning your own module');
const blocks = fences(walkthrough);
const commands = blocks
  .filter((b) => b.info === 'sh walkthrough')
  .flatMap((b) => b.body.split('\n'))
  .map((line) => line.replace(/\s#.*$/, '').trim())
  .filter(Boolean);
const harnessBlock = blocks.find((b) => b.info === 'json file=harness.json');

describe("README.md's walkthrough", () => {
  it('explains every reason a candidate can be invalid, one table row each', () => {
    const rows = [...walkthrough.matchAll(/^\| `([a-z-]+)` \| (.+) \|$/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...INVALID_REASONS].sort());
  });

  it('marks every command it shows and its harness, which is the example folder\'s', () => {
    // An unmarked shell block would escape this test.
    const shell = blocks.filter((b) => /^(sh|bash|shell|console)\b/.test(b.info)).map((b) => b.info);
    expect(new Set(shell)).toEqual(new Set(['sh walkthrough']));
    expect(commands.map((c) => c.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'npx wasmtune check', 'npx wasmtune tune', 'npx wasmtune show', 'npx wasmtune apply',
    ]);
    expect(harnessBlock, 'the harness block is marked ```json file=harness.json').toBeDefined();
    expect(JSON.parse(harnessBlock!.body)).toEqual(JSON.parse(readFileSync(join(EXAMPLE, 'harness.json'), 'utf8')));
  });

  it('runs every command, in order, in a fresh directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtune-readme-'));
    copyFileSync(join(EXAMPLE, 'life.wasm'), join(dir, 'life.wasm'));
    writeFileSync(join(dir, 'harness.json'), harnessBlock!.body);
    const outputs: string[] = [];
    for (const command of commands) {
      expect(command, 'commands are plain words (no quoting, pipes or variables)').toMatch(/^npx wasmtune [\w./:= -]+$/);
      const args = command.split(/\s+/).slice(2);
      // The results database is the one the text describes: .wasmtune/ in the working directory.
      const r = runCli(args, { cwd: dir, env: { WASMTUNE_DB: undefined } });
      expect(r.status, `${command}\n${r.stderr}`).toBe(0);
      outputs.push(r.stdout);
    }
    const [check, tune, show] = outputs;
    expect(check).toMatch(/^-O3 +passes the harness/m);
    expect(check).toMatch(/in the range 0\.1–100 ms$/m);

    // tune writes where the text says, and records run 1 in the working directory's database.
    const out = /`(wasmtune-out\/[\w.-]+)\/`/.exec(walkthrough)?.[1];
    expect(out).toBe('wasmtune-out/life-runtime-s1');
    for (const f of ['best.wasm', 'recipe.json', 'report.json']) expect(existsSync(join(dir, out!, f)), f).toBe(true);
    expect(existsSync(join(dir, '.wasmtune', 'wasmtune.db'))).toBe(true);
    expect(tune).toMatch(/^recorded +run 1 in .*\.wasmtune\/wasmtune\.db/m);
    const report = JSON.parse(readFileSync(join(dir, out!, 'report.json'), 'utf8'));
    expect(report.budget).toEqual({ durationMs: 5000 });
    expect(report.objective).toBe('runtime');
    expect(report.outputsVerified).toBe(true);
    expect(report.evaluations).toBeGreaterThan(0);
    expect(show).toMatch(/^run +1 \(done\)/m);

    // apply rebuilds the recipe on the module: the same bytes as best.wasm, checked by the harness.
    const applied = /-o (\S+)$/.exec(commands.at(-1)!)?.[1];
    expect(applied).toBe('life.tuned.wasm');
    expect(readFileSync(join(dir, applied!)).equals(readFileSync(join(dir, out!, 'best.wasm')))).toBe(true);
    expect(outputs.at(-1)).toMatch(/outputs verified/);
  });
});

// README.md's command reference is the one the option tables generate (rewrite it with
// `npx tsx test/cli/update-readme.ts`).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { COMMAND_NAMES } from '../../src/cli/commands/index.js';
import { commandsBlockOf, commandsMarkdown, replaceCommandsBlock } from '../../src/cli/help.js';

describe("README.md's command reference", () => {
  it('is current', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = commandsBlockOf(readme);
    expect(block, 'README.md has no <!-- commands:start --> … <!-- commands:end --> block').toBeDefined();
    expect(block, "README.md's command reference is out of date: run npx tsx test/cli/update-readme.ts").toBe(commandsMarkdown());
  });

  it('names every command, and replacing it keeps the rest of the page', () => {
    const md = commandsMarkdown();
    for (const name of COMMAND_NAMES) expect(md).toMatch(new RegExp(`^wasmtune ${name}\\b`, 'm'));
    const page = '# title\n\n<!-- commands:start -->\nold\n<!-- commands:end -->\n\nafter\n';
    const updated = replaceCommandsBlock(page, md);
    expect(updated.startsWith('# title\n\n<!-- commands:start -->\n')).toBe(true);
    expect(updated.endsWith('<!-- commands:end -->\n\nafter\n')).toBe(true);
    expect(commandsBlockOf(updated)).toBe(md);
    expect(() => replaceCommandsBlock('# no markers\n', md)).toThrow(/commands:start/);
  });
});

/**
 * Rewrites the command reference in README.md (between <!-- commands:start --> and <!-- commands:end -->)
 * from the commands' option tables:
 *
 *   npx tsx test/cli/update-readme.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { commandsMarkdown, replaceCommandsBlock } from '../../src/cli/help.js';

const readme = new URL('../../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = replaceCommandsBlock(before, commandsMarkdown());
if (after === before) console.log('README.md: the command reference is current');
else {
  writeFileSync(readme, after);
  console.log('README.md: command reference rewritten');
}

import { defineCommand } from '../command.js';

export const agents = defineCommand({
  summary: 'the search agents, and the options of each with their defaults',
  positionals: [],
  options: {},
  async run({ io }) {
    const { AGENTS } = await import('../../../agents/registry.js');
    for (const a of Object.values(AGENTS)) {
      const defaults = Object.entries(a.defaults).map(([k, v]) => `${k}=${String(v)}`).join(',') || '-';
      io.stdout(`${a.name.padEnd(12)} ${a.description}\n${''.padEnd(12)} defaults: ${defaults}\n`);
    }
    return 0;
  },
});

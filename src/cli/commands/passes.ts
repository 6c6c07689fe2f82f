import { defineCommand } from '../command.js';

export const passes = defineCommand({
  summary: 'the pass catalog: every pass a recipe may use',
  positionals: [],
  notes: ["A step marked 'whole module only' cannot run on a group of functions of a per-function recipe (hot/<step>): see docs/per-function.md."],
  options: {
    excluded: { type: 'boolean', description: "list instead Binaryen's passes that the search never uses, and why" },
  },
  async run({ values, io }) {
    if (values.excluded) {
      const { EXCLUDED_PASSES } = await import('../../passes/binaryen-passes.js');
      for (const [name, e] of Object.entries(EXCLUDED_PASSES) as Array<[string, { reason: string; kind: string }]>) io.stdout(`${name.padEnd(36)} ${e.kind.padEnd(16)} ${e.reason}\n`);
      return 0;
    }
    const { PASSES } = await import('../../passes/registry.js');
    for (const p of PASSES.values()) {
      const marks = [...(p.requires?.length ? [`requires ${p.requires.join(', ')}`] : []), ...(p.perFunction ? [] : ['whole module only'])];
      io.stdout(`${p.name.padEnd(36)} ${p.category.padEnd(13)} ${p.description}${marks.length ? ` [${marks.join('; ')}]` : ''}\n`);
    }
    return 0;
  },
});

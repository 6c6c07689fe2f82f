/**
 * A policy as the learned agents (agents/policy.ts) use it during tuning: bound to one module and search
 * space, it gives its greedy recipe and fresh samples, masking the actions the space lacks; and where the
 * committed policy for an objective lives.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentContext } from '../search/agent.js';
import type { Rng } from '../search/space.js';
import { FEATURE_NAMES, featureVector, moduleFeatures } from './features/features.js';
import { recipeHash } from '../recipe/recipe.js';
import { usesRuntime, type ObjectiveSpec } from '../evaluate/objective.js';
import { projectRoot } from '../kernels/index.js';
import { Policy, actionsOf, rollout, type Episode } from './policy.js';

/** Where the committed policy for an objective lives: runtime if it uses runtime, size otherwise. */
export function defaultPolicyPath(objective: ObjectiveSpec): string {
  return join(projectRoot(), 'agents', 'policies', `${usesRuntime(objective) ? 'runtime' : 'size'}.json`);
}

let noted = false;

/**
 * A policy bound to one module and search space: its greedy (zero-shot) recipe and samples that avoid
 * recipes already proposed. `path` '' means the committed policy for the objective; 'untrained' an
 * untrained, nearly uniform one.
 */
export class PolicySampler {
  readonly policy: Policy;
  readonly seen = new Set<string>();
  private readonly allowed: Uint8Array;
  private readonly moduleVector: Float64Array;

  constructor(private readonly ctx: AgentContext, path: string) {
    const actions = actionsOf(ctx.space);
    if (path === 'untrained') this.policy = Policy.create(actions, { seed: 'untrained' });
    else {
      const file = path || defaultPolicyPath(ctx.objective);
      if (!path && !existsSync(file)) {
        if (!noted) {
          process.stderr.write(`note: no policy file at ${file} ('wasmtune train' writes one): sampling from an untrained, nearly uniform policy.\n`);
          noted = true;
        }
        this.policy = Policy.create(actions, { seed: 'untrained' });
      } else this.policy = Policy.load(file);
    }
    const inSpace = new Set(actions);
    this.allowed = Uint8Array.from(this.policy.actions, (a) => (inSpace.has(a) ? 1 : 0));
    this.moduleVector = ctx.module ? featureVector(moduleFeatures(ctx.module)) : new Float64Array(FEATURE_NAMES.length);
  }

  /** The most probable action at every step. */
  greedy(): Episode {
    return this.remember(rollout(this.policy, this.moduleVector, { rng: 'greedy', allowed: this.allowed, ...this.base() }));
  }

  /** A sample; one that repeats an earlier recipe is redrawn at a higher temperature (up to 12 times). */
  sample(rng: Rng): Episode {
    let ep = rollout(this.policy, this.moduleVector, { rng, allowed: this.allowed, ...this.base() });
    for (let k = 1; k <= 12 && this.seen.has(recipeHash(ep.recipe)); k++) {
      ep = rollout(this.policy, this.moduleVector, { rng, allowed: this.allowed, temperature: 1 + k / 2, ...this.base() });
    }
    return this.remember(ep);
  }

  private base() {
    return this.ctx.start ? { base: this.ctx.start } : {};
  }

  private remember(ep: Episode): Episode {
    this.seen.add(recipeHash(ep.recipe));
    return ep;
  }
}


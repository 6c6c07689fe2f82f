/**
 * The agent contract: ask/tell. The tuning loop (tune.ts), not the agent, owns the budget, the
 * evaluator and the records; an agent only proposes recipes and learns from what it is told.
 */
import type { EvalRecord } from '../types.js';
import type { ObjectiveSpec } from '../evaluate/objective.js';
import type { Recipe } from '../recipe/recipe.js';
import type { Rng, SearchSpace } from './space.js';

export interface AgentContext {
  space: SearchSpace;
  rng: Rng;
  objective: ObjectiveSpec;
  /** A recipe to start from (e.g. -O3's), when the user gave one. */
  start?: Recipe;
  /** The original module, for agents that look at it (the learned policy reads its features). */
  module?: Uint8Array;
}

export interface Agent {
  /**
   * The next recipe to evaluate, or undefined when the agent has nothing more to try. The loop calls
   * propose and observe strictly alternately: propose is never called while a proposal awaits its record.
   */
  propose(): Recipe | undefined;
  /**
   * Several proposals at once: the loop evaluates them in parallel and observes each record, in this
   * order, before it asks again; an empty list means nothing more to try. Optional. An agent that has it
   * hands out the same recipes in the same order through propose() (one at a time, from the same
   * batches), so its results do not depend on how many candidates are evaluated at once.
   */
  ask?(): Recipe[];
  /** The record of a proposal (its score: lower is better; undefined when invalid). */
  observe(record: EvalRecord): void;
  /**
   * A record another technique proposed, when this agent runs inside a meta-technique: techniques share
   * their results as OpenTuner's share one results database, so a local search can move to a better
   * point someone else found. Never the reply to this agent's own proposal; optional.
   */
  share?(record: EvalRecord): void;
}

/**
 * `propose` for an agent written as `ask`: the recipes of each batch one at a time, asking for the next
 * batch when the last one is used up.
 */
export function proposeFromBatches(ask: () => Recipe[]): () => Recipe | undefined {
  let queue: Recipe[] = [];
  return () => {
    if (!queue.length) queue = ask();
    return queue.shift();
  };
}

export interface AgentInfo<O extends Record<string, number | boolean | string> = Record<string, number | boolean | string>> {
  readonly name: string;
  readonly description: string;
  readonly defaults: O;
  create(ctx: AgentContext, options: O): Agent;
}

export function defineAgent<O extends Record<string, number | boolean | string>>(info: AgentInfo<O>): AgentInfo<O> {
  return info;
}

/** Every agent, by the name `--agent` takes. */
import type { AgentInfo } from '../src/search/agent.js';
import { WasmtuneError, didYouMean } from '../src/errors.js';
import { random } from './random.js';
import { greedy } from './greedy.js';
import { anneal, hill } from './anneal.js';
import { ga, gaPmx } from './ga.js';
import { cem } from './cem.js';
import { sweep } from './sweep.js';
import { bandit } from './bandit.js';
import { policyAgent, policySearch } from './policy.js';

export const AGENTS = {
  random,
  greedy,
  anneal,
  hill,
  ga,
  'ga-pmx': gaPmx,
  cem,
  sweep,
  bandit,
  policy: policyAgent,
  'policy-search': policySearch,
} as const;

export type AgentName = keyof typeof AGENTS;

/** The agents that carry a learned policy (a file trained on generated kernels). */
export const LEARNED_AGENTS: readonly AgentName[] = ['policy', 'policy-search'];

/**
 * The agents a leaderboard runs by default (`--agents all`): those that need nothing but a seed and a
 * budget. The learned agents are compared in bench/policy.ts; name them in `--agents` to include them.
 */
export const SEARCH_AGENTS: readonly AgentName[] = (Object.keys(AGENTS) as AgentName[]).filter((n) => !LEARNED_AGENTS.includes(n));

export function getAgent(name: string): AgentInfo {
  if (!Object.hasOwn(AGENTS, name)) {
    throw new WasmtuneError('E_UNKNOWN_AGENT', `Unknown agent '${name}'.${didYouMean(name, Object.keys(AGENTS))} Run 'wasmtune agents' for the list.`);
  }
  return AGENTS[name as AgentName] as unknown as AgentInfo;
}

/** Parse `key=value,…` agent options against an agent's defaults. */
export function parseAgentOptions(info: AgentInfo, text: string | undefined): Record<string, number | boolean | string> {
  const opts: Record<string, number | boolean | string> = { ...info.defaults };
  if (!text) return opts;
  for (const part of text.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!k || v === undefined || !(k in info.defaults)) {
      throw new WasmtuneError('E_USAGE', `Agent '${info.name}' has no option '${k}'. Options: ${Object.keys(info.defaults).join(', ') || 'none'}.`);
    }
    const d = info.defaults[k];
    if (typeof d === 'number') {
      const n = Number(v);
      if (!Number.isFinite(n)) throw new WasmtuneError('E_USAGE', `Agent option '${k}' must be a number.`);
      opts[k] = n;
    } else if (typeof d === 'boolean') opts[k] = v === 'true' || v === '1';
    else opts[k] = v;
  }
  return opts;
}

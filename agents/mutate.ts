/**
 * Recipe mutations and crossovers shared by the search agents (anneal, hill, ga, bandit), plus the small
 * bookkeeping they all need (recipe keys, score of a record, matching observations to proposals).
 *
 * Genes. A recipe's passes are handled as a sequence of *genes*: a gene is one step, except that
 * `flatten` immediately followed by a pass that needs flat IR is one two-step gene (what
 * {@link expandStep} produces). Mutations and crossovers move, insert and delete whole genes, so a pass
 * that needs flat IR keeps its `flatten` and the recipe keeps running as written under wasm-opt.
 *
 * Length. No operator makes a recipe longer than `space.maxLength` steps: an insertion is skipped when
 * the gene does not fit, and a crossover child is cut at a gene boundary. (A start recipe that is already
 * longer is never grown, only shortened.)
 *
 * Everything draws from the RNG it is given, so results depend only on the seed.
 */
import type { EvalRecord } from '../src/types.js';
import { expandStep, getPass, isKnownStep } from '../src/passes/registry.js';
import { DEFAULT_KNOBS, KNOB_SPACE, recipeToJson, type KnobName, type Knobs, type Recipe } from '../src/recipe/recipe.js';
import { KNOB_CHOICES, pick, randInt, randomKnobValue, randomStep, type Rng, type SearchSpace } from '../src/search/space.js';

// ── bookkeeping ──────────────────────────────────────────────────────────────────────────────────────

/** Canonical key of a recipe: equal recipes, equal keys. */
export function recipeKey(recipe: Recipe): string {
  return JSON.stringify(recipeToJson(recipe));
}

/** The score of a record; an invalid record scores +Infinity (worst), so agents only ever compare. */
export function scoreOf(record: EvalRecord): number {
  return record.state === 'ok' && Number.isFinite(record.score) ? record.score : Infinity;
}

export function cloneRecipe(recipe: Recipe): Recipe {
  return { knobs: { ...recipe.knobs }, passes: [...recipe.passes] };
}

/** The recipe an agent starts from without a start recipe: default knobs, no passes. */
export function emptyRecipe(): Recipe {
  return { knobs: { ...DEFAULT_KNOBS }, passes: [] };
}

/**
 * Proposals awaiting their observation, in proposal order, each with a tag (its owner or its slot).
 * A record is matched to its proposal by identity (the tuning loop hands back the recipe object it was
 * given), else by recipe key; the oldest match wins.
 */
export class Pending<T> {
  private readonly items: Array<{ recipe: Recipe; key: string; tag: T }> = [];

  add(recipe: Recipe, tag: T): void {
    this.items.push({ recipe, key: recipeKey(recipe), tag });
  }

  get size(): number {
    return this.items.length;
  }

  /** Remove and return the tag of the proposal this record answers (undefined if none). */
  take(record: EvalRecord): T | undefined {
    let i = this.items.findIndex((p) => p.recipe === record.recipe);
    if (i < 0) {
      const key = recipeKey(record.recipe);
      i = this.items.findIndex((p) => p.key === key);
    }
    if (i < 0) return undefined;
    return this.items.splice(i, 1)[0]!.tag;
  }
}

// ── genes ────────────────────────────────────────────────────────────────────────────────────────────

export type Gene = readonly string[];

function needsFlat(step: string): boolean {
  if (!isKnownStep(step)) return false;
  return getPass(step).requires?.includes('flat') ?? false;
}

/** Split a pass list into genes (`flatten` + a pass that needs flat IR stay together). */
export function toGenes(passes: readonly string[]): Gene[] {
  const genes: Gene[] = [];
  for (let i = 0; i < passes.length; i++) {
    const p = passes[i]!;
    const next = passes[i + 1];
    if (p === 'flatten' && next !== undefined && needsFlat(next)) {
      genes.push([p, next]);
      i++;
    } else genes.push([p]);
  }
  return genes;
}

export function fromGenes(genes: readonly Gene[]): string[] {
  return genes.flat();
}

const geneName = (g: Gene) => g.join(' ');

/** Keep whole genes from the front while the steps fit in maxLength. */
function fit(genes: readonly Gene[], maxLength: number): Gene[] {
  const out: Gene[] = [];
  let n = 0;
  for (const g of genes) {
    if (n + g.length > maxLength) break;
    out.push(g);
    n += g.length;
  }
  return out;
}

// ── knobs ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The values worth trying for a knob (greedy enumerates them): both booleans; every value of a small
 * integer range; for the inlining sizes the neighbourhood lists that `randomKnobValue` draws from.
 */
export function knobChoices(k: KnobName): Array<number | boolean> {
  const space = KNOB_SPACE[k];
  if (space.kind === 'bool') return [false, true];
  const listed = KNOB_CHOICES[k];
  if (listed) return [...listed];
  const out: number[] = [];
  for (let v = space.min; v <= space.max && out.length < 16; v++) out.push(v);
  return out;
}

function withKnob(knobs: Knobs, k: KnobName, v: number | boolean): Knobs {
  return { ...knobs, [k]: v } as Knobs;
}

/** One knob of the space set to a different value (undefined when the space has no knob). */
export function mutateKnob(rng: Rng, space: SearchSpace, knobs: Knobs): Knobs | undefined {
  if (!space.knobs.length) return undefined;
  const k = pick(rng, space.knobs);
  const cur = knobs[k];
  if (KNOB_SPACE[k].kind === 'bool') return withKnob(knobs, k, !cur);
  for (let tries = 0; tries < 8; tries++) {
    const v = randomKnobValue(rng, k);
    if (v !== cur) return withKnob(knobs, k, v);
  }
  const others = knobChoices(k).filter((v) => v !== cur);
  return others.length ? withKnob(knobs, k, pick(rng, others)) : undefined;
}

/** Uniform crossover of two parents' knobs: each knob from either parent with probability 1/2. */
export function crossKnobs(rng: Rng, a: Knobs, b: Knobs): Knobs {
  const out = { ...a };
  for (const k of Object.keys(KNOB_SPACE) as KnobName[]) {
    if (rng() < 0.5) (out as Record<KnobName, number | boolean>)[k] = b[k];
  }
  return out;
}

// ── mutations ────────────────────────────────────────────────────────────────────────────────────────

export const MUTATIONS = ['insert', 'delete', 'swap', 'replace', 'knob'] as const;
export type MutationKind = (typeof MUTATIONS)[number];

function randomGene(rng: Rng, space: SearchSpace): Gene {
  return randomStep(rng, space);
}

/**
 * Apply one mutation of the given kind, or return undefined when it does not apply (nothing to delete,
 * no room to insert, fewer than two distinct genes to swap, no knob in the space).
 *  - insert: a random step (pass with its `flatten`, or now and then a pipeline) at a random position;
 *  - delete: remove a random gene;
 *  - swap: exchange two genes that differ;
 *  - replace: a random gene becomes a different random step (if it fits);
 *  - knob: one knob of the space takes a different value.
 */
export function applyMutation(rng: Rng, space: SearchSpace, recipe: Recipe, kind: MutationKind): Recipe | undefined {
  const genes = toGenes(recipe.passes);
  const len = recipe.passes.length;
  const out = (g: Gene[]): Recipe => ({ knobs: { ...recipe.knobs }, passes: fromGenes(g) });
  switch (kind) {
    case 'insert': {
      const g = randomGene(rng, space);
      if (len + g.length > space.maxLength) return undefined;
      const at = randInt(rng, 0, genes.length);
      return out([...genes.slice(0, at), g, ...genes.slice(at)]);
    }
    case 'delete': {
      if (!genes.length) return undefined;
      const at = randInt(rng, 0, genes.length - 1);
      return out([...genes.slice(0, at), ...genes.slice(at + 1)]);
    }
    case 'swap': {
      if (new Set(genes.map(geneName)).size < 2) return undefined;
      const i = randInt(rng, 0, genes.length - 1);
      const others = genes.map((_, j) => j).filter((j) => geneName(genes[j]!) !== geneName(genes[i]!));
      const j = pick(rng, others);
      const next = [...genes];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return out(next);
    }
    case 'replace': {
      if (!genes.length) return undefined;
      const at = randInt(rng, 0, genes.length - 1);
      const old = genes[at]!;
      for (let tries = 0; tries < 8; tries++) {
        const g = randomGene(rng, space);
        if (geneName(g) === geneName(old) || len - old.length + g.length > space.maxLength) continue;
        const next = [...genes];
        next[at] = g;
        return out(next);
      }
      return undefined;
    }
    case 'knob': {
      const knobs = mutateKnob(rng, space, recipe.knobs);
      return knobs ? { knobs, passes: [...recipe.passes] } : undefined;
    }
  }
}

/**
 * A random neighbour: one mutation of a kind drawn uniformly from those that apply. Returns a recipe
 * different from the input whenever any mutation applies (a copy otherwise).
 */
export function mutate(rng: Rng, space: SearchSpace, recipe: Recipe, kinds: readonly MutationKind[] = MUTATIONS): Recipe {
  const key = recipeKey(recipe);
  let remaining = [...kinds];
  for (let tries = 0; tries < 16 && remaining.length; tries++) {
    const kind = pick(rng, remaining);
    const r = applyMutation(rng, space, recipe, kind);
    if (r && recipeKey(r) !== key) return r;
    if (!r) remaining = remaining.filter((k) => k !== kind);
  }
  return cloneRecipe(recipe);
}

/**
 * A neighbour not in `seen` (up to `tries` attempts; the last attempt is returned when all were seen,
 * e.g. in a tiny space). Saves budget: the tuning loop evaluates (and counts) every proposal.
 */
export function mutateUnseen(rng: Rng, space: SearchSpace, recipe: Recipe, seen: ReadonlySet<string>, tries = 8): Recipe {
  let r = mutate(rng, space, recipe);
  for (let i = 1; i < tries && seen.has(recipeKey(r)); i++) r = mutate(rng, space, recipe);
  return r;
}

// ── crossovers ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Permutation crossovers on sequences with repeats. Each gene of a parent is labelled with its
 * occurrence index (the second `licm` of a parent is `licm#1`), which turns each parent into a sequence
 * of distinct items, and the classic permutation operators apply to the labels. Unlike permutations,
 * the parents need not hold the same items nor have the same length:
 *  - OX1: the child keeps parent A's segment [i, j] and fills the rest with parent B's items in B's order
 *    starting after position j (wrapping), skipping the items (labels) already in the segment. As in OX1,
 *    the fill goes after the segment first and then wraps to before it; with unequal lengths as many fill
 *    items as A had before the segment (or all, if fewer) go before it. A child thus has |seg| + |B \ seg|
 *    genes: the relative order of B's genes is kept, and each `licm#k` appears at most once.
 *  - PMX: the cut [i, j] lies within the shorter parent. The child is B with A's segment copied over
 *    [i, j]; each of B's items outside the segment that now also occurs in the segment is replaced
 *    through the mapping A[k] → B[k] (repeatedly, as in PMX) until it does not. The chain always ends
 *    (the mapping is injective on labels), so a child has exactly |B| genes and no label twice; items of A's
 *    segment that B does not have simply enter the child.
 * Knobs: uniform crossover of the parents' knobs. Children are cut to `space.maxLength` steps.
 */
export type CrossoverKind = 'ox1' | 'pmx';
export const CROSSOVERS: readonly CrossoverKind[] = ['ox1', 'pmx'];

interface Item {
  label: string;
  gene: Gene;
}

function label(genes: readonly Gene[]): Item[] {
  const seen = new Map<string, number>();
  return genes.map((gene) => {
    const name = geneName(gene);
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return { label: `${name}#${n}`, gene };
  });
}

/** Cut points 0 <= i <= j < n (n >= 1). */
function cut(rng: Rng, n: number): [number, number] {
  const a = randInt(rng, 0, n - 1);
  const b = randInt(rng, 0, n - 1);
  return a <= b ? [a, b] : [b, a];
}

/** OX1 on gene sequences (see above). With an empty parent the child is a copy of the other's genes. */
export function ox1Genes(rng: Rng, a: readonly Gene[], b: readonly Gene[]): Gene[] {
  if (!a.length || !b.length) return [...(a.length ? a : b)];
  const A = label(a);
  const B = label(b);
  const [i, j] = cut(rng, A.length);
  const seg = A.slice(i, j + 1);
  const inSeg = new Set(seg.map((x) => x.label));
  const start = (j + 1) % B.length;
  const fill = [...B.slice(start), ...B.slice(0, start)].filter((x) => !inSeg.has(x.label));
  const before = Math.min(i, fill.length);
  const after = fill.length - before;
  return [...fill.slice(after), ...seg, ...fill.slice(0, after)].map((x) => x.gene);
}

/** PMX on gene sequences (see above). With an empty parent the child is a copy of the other's genes. */
export function pmxGenes(rng: Rng, a: readonly Gene[], b: readonly Gene[]): Gene[] {
  if (!a.length || !b.length) return [...(a.length ? a : b)];
  const A = label(a);
  const B = label(b);
  const [i, j] = cut(rng, Math.min(A.length, B.length));
  const segPos = new Map<string, number>(); // label in A's segment → its position
  for (let k = i; k <= j; k++) segPos.set(A[k]!.label, k);
  const child: Item[] = [...B];
  for (let k = i; k <= j; k++) child[k] = A[k]!;
  for (let p = 0; p < B.length; p++) {
    if (p >= i && p <= j) continue;
    let item = B[p]!;
    for (let guard = 0; guard <= j - i + 1; guard++) {
      const k = segPos.get(item.label);
      if (k === undefined) break;
      item = B[k]!;
    }
    child[p] = item;
  }
  return child.map((x) => x.gene);
}

/** A child of two recipes: `kind` crossover of their genes, uniform crossover of their knobs. */
export function crossover(rng: Rng, space: SearchSpace, a: Recipe, b: Recipe, kind: CrossoverKind): Recipe {
  const ga = toGenes(a.passes);
  const gb = toGenes(b.passes);
  const genes = kind === 'ox1' ? ox1Genes(rng, ga, gb) : pmxGenes(rng, ga, gb);
  return { knobs: crossKnobs(rng, a.knobs, b.knobs), passes: fromGenes(fit(genes, space.maxLength)) };
}

/** Fisher–Yates shuffle with the given RNG (in place; returns the array). */
export function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** A single step appended, as greedy tries it: the step's expansion (with `flatten` when needed). */
export function appendStep(recipe: Recipe, step: string): Recipe {
  return { knobs: { ...recipe.knobs }, passes: [...recipe.passes, ...expandStep(step)] };
}

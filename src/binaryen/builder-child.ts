/** The builder process: owns one Binaryen instance; see builder.ts. */
import { FatalError, serve } from '../proc/child.js';
import { BinaryenFailure, build, checkBuilt, detectFeatures, moduleFacts, type CutModule, type ModuleFacts } from './module.js';
import { cutPoints } from '../recipe/segments.js';
import { sizeOf, type SizeMetrics } from '../measure/size.js';
import type { Recipe } from '../recipe/recipe.js';
import { customPassFunctions } from '../passes/custom/index.js';

export type BuilderRequest =
  /** `from`: continue from one of the recipe's cut points; `cuts`: send back the module at each cut point passed. */
  | { op: 'build'; bytes: Uint8Array; recipe: Recipe; features: number; from?: CutModule; cuts?: boolean; cutAtEnd?: boolean }
  | { op: 'features'; bytes: Uint8Array }
  | { op: 'facts'; bytes: Uint8Array; features: number }
  | { op: 'ping' };

export type BuildOutcome =
  /** `sizes`: computed here, so that several builders compress in parallel. */
  | { state: 'built'; bytes: Uint8Array; valid: boolean; facts: ModuleFacts; cuts: CutModule[]; sizes: SizeMetrics }
  | { state: 'failed'; kind: 'fatal' | 'abort' | 'parse'; error: string };

export type BuilderResponse = BuildOutcome | { features: number | undefined } | ModuleFacts | 'pong';

const custom = customPassFunctions();

serve<BuilderRequest, BuilderResponse>((req, progress) => {
  switch (req.op) {
    case 'ping':
      return 'pong';
    case 'features':
      return { features: detectFeatures(req.bytes) };
    case 'facts':
      return moduleFacts(req.bytes, req.features);
    case 'build': {
      let bytes: Uint8Array;
      const cuts: CutModule[] = [];
      try {
        bytes = build(req.bytes, req.recipe, req.features, custom, {
          cuts: cutPoints(req.recipe.passes), onStep: progress,
          ...(req.from ? { from: req.from } : {}), ...(req.cuts ? { onCut: (c: CutModule) => void cuts.push(c), cutAtEnd: req.cutAtEnd === true } : {}),
        });
      } catch (e) {
        if (e instanceof BinaryenFailure) {
          if (e.kind === 'abort') throw new FatalError(`Binaryen aborted: ${e.message}`);
          return { state: 'failed', kind: e.kind, error: e.message };
        }
        throw e;
      }
      return { state: 'built', bytes, ...checkBuilt(bytes, req.features), cuts, sizes: sizeOf(bytes) };
    }
  }
});

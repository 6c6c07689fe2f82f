/** The builder process: owns one Binaryen instance; see builder.ts. */
import { FatalError, serve } from '../proc/child.js';
import { BinaryenFailure, build, checkBuilt, detectFeatures, moduleFacts, type ModuleFacts } from './module.js';
import type { Recipe } from '../recipe/recipe.js';
import { customPassFunctions } from '../passes/custom/index.js';

export type BuilderRequest =
  | { op: 'build'; bytes: Uint8Array; recipe: Recipe; features: number }
  | { op: 'features'; bytes: Uint8Array }
  | { op: 'facts'; bytes: Uint8Array; features: number }
  | { op: 'ping' };

export type BuildOutcome =
  | { state: 'built'; bytes: Uint8Array; valid: boolean; facts: ModuleFacts }
  | { state: 'failed'; kind: 'fatal' | 'abort' | 'parse'; error: string };

export type BuilderResponse = BuildOutcome | { features: number | undefined } | ModuleFacts | 'pong';

const custom = customPassFunctions();

serve<BuilderRequest, BuilderResponse>((req) => {
  switch (req.op) {
    case 'ping':
      return 'pong';
    case 'features':
      return { features: detectFeatures(req.bytes) };
    case 'facts':
      return moduleFacts(req.bytes, req.features);
    case 'build': {
      let bytes: Uint8Array;
      try {
        bytes = build(req.bytes, req.recipe, req.features, custom);
      } catch (e) {
        if (e instanceof BinaryenFailure) {
          if (e.kind === 'abort') throw new FatalError(`Binaryen aborted: ${e.message}`);
          return { state: 'failed', kind: e.kind, error: e.message };
        }
        throw e;
      }
      return { state: 'built', bytes, ...checkBuilt(bytes, req.features) };
    }
  }
});

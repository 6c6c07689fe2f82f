/** How the database identifies a loaded kernel: its URI and the content hashes of its module and harness. */
import { readFileSync } from 'node:fs';
import { contentHash } from '../evaluate/evaluator.js';
import type { Kernel } from '../kernels/index.js';
import type { KernelIdentity } from './database.js';

export function kernelIdentity(kernel: Kernel): KernelIdentity {
  const h = kernel.harness;
  return {
    uri: kernel.uri,
    moduleHash: contentHash(kernel.bytes),
    harnessHash: h ? contentHash(readFileSync(h.path)) : '',
    ...(h ? { harnessPath: h.path } : {}),
  };
}

import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Code size of a module, bytes. Compression at the maximum level, as a server would ship it. */
export interface SizeMetrics {
  sizeBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export function sizeOf(bytes: Uint8Array): SizeMetrics {
  return {
    sizeBytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

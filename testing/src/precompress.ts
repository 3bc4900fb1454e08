import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing: text. Images, fonts in woff2 and archives are compressed already. */
export const PRECOMPRESSED_EXTENSIONS = [
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
];
/** Below this, the headers cost more than what compression saves. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` next to every text file of `dir` (the built client) at
 * the highest levels: compressed once at build, each participant's browser gets the smallest
 * file without the server spending CPU per request. Source maps are left as they are.
 */
export function precompressDir(dir: string): { files: number; bytes: number; br: number } {
  const total = { files: 0, bytes: 0, br: 0 };
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const inner = precompressDir(path);
      total.files += inner.files;
      total.bytes += inner.bytes;
      total.br += inner.br;
      continue;
    }
    if (!PRECOMPRESSED_EXTENSIONS.some((ext) => entry.endsWith(ext))) continue;
    const content = readFileSync(path);
    if (content.byteLength < MIN_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
      },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    total.files += 1;
    total.bytes += content.byteLength;
    total.br += br.byteLength;
  }
  return total;
}

/** Vite plugin: precompresses the output folder once the bundle is written. */
export function precompress(outDir: () => string) {
  return {
    name: 'atelier-precompress',
    apply: 'build' as const,
    closeBundle() {
      precompressDir(outDir());
    },
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The server's worker threads, each an entry of its own: `thread` the pool's (imports, exports,
 * slicing), `doc-worker` a big room's document (sync/doc-thread.ts).
 */
export type WorkerModule = 'thread' | 'doc-worker';

/** tsx's ESM `register` module, as its package exports it to `import` (its CommonJS twin fails there). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as TsxManifest).exports['./esm/api'].import
    .default;
  return pathToFileURL(join(dirname(manifest), exported)).href;
}
interface TsxManifest {
  exports: { './esm/api': { import: { default: string } } };
}

/**
 * A worker's code. From the sources (tsx, vitest): `<module>.ts` beside this file, imported
 * after registering tsx in the worker (node 20 does not run `--import` loaders in workers).
 * Compiled (`npm start`): the build's `<module>.js` at the root of server/dist, beside main.js
 * (this code may sit in main.js or in dist/chunks/; scripts/server-build.config.ts).
 */
function workerEntry(module: WorkerModule): { code: string; eval: true } | { file: URL } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = tsxEsmApi(here);
    const worker = new URL(`./${module}.ts`, here).href;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
    return { code, eval: true };
  }
  const file = [new URL(`./${module}.js`, here), new URL(`../${module}.js`, here)].find((url) =>
    existsSync(fileURLToPath(url)),
  );
  if (!file) throw new Error(`${module}.js is not beside ${here}: rebuild the server`);
  return { file };
}

/** Starts a worker thread running `module`. */
export function startWorker(module: WorkerModule, options: WorkerOptions = {}): Worker {
  const entry = workerEntry(module);
  return 'code' in entry
    ? new Worker(entry.code, { ...options, eval: true })
    : new Worker(entry.file, options);
}

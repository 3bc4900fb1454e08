import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseAnswer, ParseRequest } from './parse-worker';

/** Too many imports are being read or waiting: the caller answers 503 and asks to come back. */
export class ImportPoolBusy extends Error {}
/** One file took longer than the pool's timeout to read (its worker was stopped). */
export class ImportParseTimeout extends Error {}

export interface ImportPoolOptions {
  /** Worker threads at most (each reads one file at a time). */
  workers: number;
  /** The longest one file may take to read; its worker is then stopped and replaced. */
  timeoutMs: number;
  /** Files waiting for a worker at most; past this, `parse` refuses at once. */
  queue?: number;
}

interface Job {
  bytes: Uint8Array;
  resolve: (answer: ParseAnswer) => void;
  reject: (error: Error) => void;
}

/** A worker's heap cap: a 20 MiB file becomes about a hundred MB of objects (an 18.8 MiB one reads in 2 s under it). */
const WORKER_HEAP_MB = 256;

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
 * The worker's code. From the sources (tsx, vitest): parse-worker.ts beside this file, imported
 * after registering tsx in the worker (node 20 does not run `--import` loaders in workers).
 * Compiled (`npm start`): the build's import-worker.js at the root of server/dist, beside
 * main.js (this code may sit in main.js or in dist/chunks/).
 */
function workerEntry(): { code: string; eval: true } | { file: URL } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = tsxEsmApi(here);
    const worker = new URL('./parse-worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
    return { code, eval: true };
  }
  const file = [new URL('./import-worker.js', here), new URL('../import-worker.js', here)].find((url) =>
    existsSync(fileURLToPath(url)),
  );
  if (!file) throw new Error(`import-worker.js is not beside ${here}: rebuild the server`);
  return { file };
}

/**
 * Reads strategy files in worker threads, so that a 20 MiB parse and its validation never hold
 * the event loop (sync, presence and every other request go on meanwhile). Workers start on
 * first use and stay, unreferenced, for the next import.
 */
export class ImportParsePool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  private live = 0;
  private closed = false;
  private readonly maxQueue: number;

  constructor(private readonly options: ImportPoolOptions) {
    this.maxQueue = options.queue ?? 4 * options.workers;
  }

  /** Reads `bytes` (handed over to the worker: not usable after); rejects when busy or too slow. */
  parse(bytes: Uint8Array): Promise<ParseAnswer> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ImportPoolBusy('the server is stopping'));
      if (this.idle.length === 0 && this.live >= this.options.workers && this.waiting.length >= this.maxQueue)
        return reject(new ImportPoolBusy('every import worker is busy'));
      this.waiting.push({ bytes, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; files being read are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new ImportPoolBusy('the server is stopping'));
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.live < this.options.workers ? this.spawn() : null);
      if (!worker) return;
      const job = this.waiting.shift();
      if (job) this.run(worker, job);
    }
  }

  private spawn(): Worker {
    const entry = workerEntry();
    this.live++;
    const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
    const worker =
      'code' in entry
        ? new Worker(entry.code, { eval: true, resourceLimits })
        : new Worker(entry.file, { resourceLimits });
    // A worker that fails while idle is forgotten (one reading a file is handled by `run`).
    worker.on('error', () => {});
    worker.on('exit', () => {
      const index = this.idle.indexOf(worker);
      if (index < 0) return;
      this.idle.splice(index, 1);
      this.live--;
    });
    return worker;
  }

  private run(worker: Worker, job: Job): void {
    worker.ref();
    const settle = (outcome: { answer: ParseAnswer } | { error: Error }, keep: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep && !this.closed) {
        worker.unref();
        this.idle.push(worker);
      } else {
        this.live--;
        void worker.terminate();
      }
      if ('answer' in outcome) job.resolve(outcome.answer);
      else job.reject(outcome.error);
      this.pump();
    };
    const onMessage = (answer: ParseAnswer) => settle({ answer }, true);
    const onError = (error: Error) => settle({ error }, false);
    const onExit = (code: number) => settle({ error: new Error(`import worker exited (${code})`) }, false);
    const timer = setTimeout(
      () =>
        settle({ error: new ImportParseTimeout(`reading took over ${this.options.timeoutMs} ms`) }, false),
      this.options.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    const request: ParseRequest = { bytes: job.bytes };
    worker.postMessage(request, [job.bytes.buffer as ArrayBuffer]);
  }
}

import { parentPort, threadId } from 'node:worker_threads';
import { readImport } from './read-import';

/*
 * A worker thread of the import pool (parse-pool.ts): reads one strategy file at a time, off
 * the server's event loop. Compiled to server/dist/import-worker.js (scripts/server-build.config.ts).
 */

export interface ParseRequest {
  bytes: Uint8Array;
}

export interface ParseAnswer {
  /** What the file holds; `null` when reading it failed unexpectedly (`failure` says why). */
  read: ReturnType<typeof readImport> | null;
  failure?: string;
  threadId: number;
  ms: number;
}

parentPort?.on('message', ({ bytes }: ParseRequest) => {
  const started = performance.now();
  let answer: Omit<ParseAnswer, 'threadId' | 'ms'>;
  try {
    answer = { read: readImport(bytes) };
  } catch (error) {
    answer = { read: null, failure: String(error) };
  }
  parentPort?.postMessage({ ...answer, threadId, ms: Math.round(performance.now() - started) });
});

import { parentPort, threadId } from 'node:worker_threads';
import { runJob, type WorkAnswer, type WorkRequest } from './jobs';
import { lowerThreadPriority } from './thread-priority';

/*
 * A worker thread of the server's pool (pool.ts): runs one job at a time (jobs.ts), off the
 * sync loop. Compiled to server/dist/thread.js (scripts/server-build.config.ts).
 */

// Heavy work gives way to the sync loop on a shared core (issue 19 §3).
lowerThreadPriority();

parentPort?.on('message', async (request: WorkRequest) => {
  const started = performance.now();
  let answer: Omit<WorkAnswer, 'threadId' | 'ms'>;
  let transfer: ArrayBuffer[] = [];
  try {
    const ran = await runJob(request);
    answer = { result: ran.result };
    transfer = ran.transfer;
  } catch (error) {
    answer = { result: null, failure: String(error) };
  }
  const ms = Math.round(performance.now() - started);
  parentPort?.postMessage({ ...answer, threadId, ms } satisfies WorkAnswer, transfer);
});

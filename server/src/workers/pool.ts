import type { Worker } from 'node:worker_threads';
import type { CapturedSession, ExportJob, ExportResult, StrategyRead } from '../export/render';
import type { ImportRead } from '../import/read-import';
import type { DocSlicer, StoredParts, StoredSlices } from '../sync/stored-doc';
import { startWorker } from './entry';
import type { WorkAnswer, WorkRequest } from './jobs';
import { owned } from './owned';

/** How long a client is asked to wait when every worker thread is busy (503 `server_busy`). */
export const BUSY_RETRY_AFTER_S = 5;

/** Too many jobs are running or waiting: the caller answers 503 and asks to come back. */
export class WorkPoolBusy extends Error {}
/** One job took longer than its timeout (its worker was stopped). */
export class WorkTimeout extends Error {}

export interface WorkPoolOptions {
  /** Worker threads at most (each runs one job at a time). */
  workers: number;
  /** The longest one import may take to read; its worker is then stopped and replaced. */
  timeoutMs: number;
  /** The longest one export may take to write; likewise (the import's timeout when not given). */
  exportTimeoutMs?: number;
  /** Jobs waiting for a worker at most; past this, a job is refused at once. */
  queue?: number;
}

/** An import's file as read (`read`: null when reading it failed unexpectedly, `failure` says why). */
export interface ParseAnswer {
  read: ImportRead | null;
  failure?: string;
  threadId: number;
  ms: number;
}

/** An export as written in a worker. */
export interface ExportAnswer {
  result: ExportResult;
  threadId: number;
  ms: number;
}

interface Job {
  request: WorkRequest;
  /** Goes before the jobs that are not, and is never refused for a full queue. */
  urgent: boolean;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (answer: WorkAnswer) => void;
  reject: (error: Error) => void;
}

/**
 * A worker's heap cap: a 20 MiB import becomes about a hundred MB of objects (an 18.8 MiB one
 * reads in 2 s under it); a 2,000-note workshop's Word export peaks well below.
 */
const WORKER_HEAP_MB = 256;

/**
 * The server's heavy work in worker threads — reading imported strategy files (up to 20 MiB),
 * writing exports (a 2,000-note Word report takes a second) — so that it never holds the event
 * loop: sync, presence and every other request go on meanwhile. One pool for both, sized for the
 * machine (`WORKER_THREADS`); workers start on first use and stay, unreferenced, for the next job.
 */
export class WorkPool implements DocSlicer {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  private live = 0;
  private closed = false;
  private readonly maxQueue: number;

  constructor(private readonly options: WorkPoolOptions) {
    this.maxQueue = options.queue ?? 4 * options.workers;
  }

  /** Reads an import's `bytes` (handed over to the worker: not usable after); rejects when busy or too slow. */
  async parse(bytes: Uint8Array): Promise<ParseAnswer> {
    const answer = await this.run(
      { kind: 'import', bytes },
      [bytes.buffer as ArrayBuffer],
      this.options.timeoutMs,
    );
    const { result, ...rest } = answer;
    return {
      read: result as ImportRead | null,
      ...rest,
    };
  }

  /**
   * Writes an export. The job's frames are copied, not handed over: they are the rooms' cached
   * sync replies. Rejects when busy or too slow, and when the writer failed (an Error saying why).
   */
  async exportFile(job: ExportJob): Promise<ExportAnswer> {
    const answer = await this.run(
      { kind: 'export', job },
      [],
      this.options.exportTimeoutMs ?? this.options.timeoutMs,
    );
    if (answer.result === null) throw new Error(`the export failed in its worker: ${answer.failure}`);
    return { result: answer.result as ExportResult, threadId: answer.threadId, ms: answer.ms };
  }

  /**
   * A captured workshop's strategy object, built and validated in a worker (the follow-up page's:
   * built on the sync loop, a big board's read and validation would hold every room meanwhile). Rejects like
   * `exportFile`.
   */
  async readStrategy(session: CapturedSession): Promise<StrategyRead> {
    const answer = await this.run(
      { kind: 'read-strategy', session },
      [],
      this.options.exportTimeoutMs ?? this.options.timeoutMs,
    );
    if (answer.result === null) throw new Error(`the strategy read failed in its worker: ${answer.failure}`);
    return answer.result as StrategyRead;
  }

  /**
   * Cuts a big stored document into slices its room applies between event-loop turns
   * (sync/stored-doc.ts). The snapshot's buffer is handed over, not copied (an 8 MB copy stalls
   * the sync loop for milliseconds); the fresh clients' sync step 2 comes back framed. It goes
   * before the imports and exports waiting, and is never refused for a full queue; rejects when
   * too slow or when the job failed, and the room reads the document again and rebuilds at once.
   */
  async sliceDoc(stored: StoredParts): Promise<StoredSlices> {
    const { snapshot, updates, snapshotChecksum } = stored;
    const answer = await this.run(
      {
        kind: 'slice-doc',
        stored: { snapshot, updates: [...updates], ...(snapshotChecksum ? { snapshotChecksum } : {}) },
      },
      snapshot ? owned([snapshot]) : [],
      this.options.timeoutMs,
      // People wait for the board, and refusing would mean applying it at once, stalling every room.
      true,
    );
    if (answer.result === null)
      throw new Error(`the document was not sliced in its worker: ${answer.failure}`);
    return answer.result as StoredSlices;
  }

  /** Stops every worker; jobs waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new WorkPoolBusy('the server is stopping'));
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private run(
    request: WorkRequest,
    transfer: ArrayBuffer[],
    timeoutMs: number,
    urgent = false,
  ): Promise<WorkAnswer> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new WorkPoolBusy('the server is stopping'));
      const job = { request, urgent, transfer, timeoutMs, resolve, reject };
      if (urgent) {
        const firstOther = this.waiting.findIndex((waiting) => !waiting.urgent);
        this.waiting.splice(firstOther < 0 ? this.waiting.length : firstOther, 0, job);
        this.pump();
        return;
      }
      if (this.idle.length === 0 && this.live >= this.options.workers && this.waiting.length >= this.maxQueue)
        return reject(new WorkPoolBusy('every worker thread is busy'));
      this.waiting.push(job);
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.live < this.options.workers ? this.spawn() : null);
      if (!worker) return;
      const job = this.waiting.shift();
      if (job) this.start(worker, job);
    }
  }

  private spawn(): Worker {
    const worker = startWorker('thread', { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.live++;
    // A worker that fails while idle is forgotten (one running a job is handled by `start`).
    worker.on('error', () => {});
    worker.on('exit', () => {
      const index = this.idle.indexOf(worker);
      if (index < 0) return;
      this.idle.splice(index, 1);
      this.live--;
    });
    return worker;
  }

  private start(worker: Worker, job: Job): void {
    worker.ref();
    const settle = (outcome: { answer: WorkAnswer } | { error: Error }, keep: boolean) => {
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
    const onMessage = (answer: WorkAnswer) => settle({ answer }, true);
    const onError = (error: Error) => settle({ error }, false);
    const onExit = (code: number) => settle({ error: new Error(`worker thread exited (${code})`) }, false);
    const timer = setTimeout(
      () =>
        settle({ error: new WorkTimeout(`the ${job.request.kind} took over ${job.timeoutMs} ms`) }, false),
      job.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(job.request, job.transfer);
  }
}

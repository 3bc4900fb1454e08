/**
 * The other people in the room while the browser is measured: `tokens.length` participants
 * whose cursors move at `cursorHz` and who each move `movesPerSecond` notes, hosted by a
 * worker thread (crowd-worker.ts). Reserved notes are left alone for the browser user.
 */
import { Worker } from 'node:worker_threads';
import type { Traffic } from '../load/traffic';
import type { Rect } from './board-fixture';

export interface CrowdSpec {
  /** WebSocket base of the rooms (`ws://host/sync`). */
  url: string;
  room: string;
  tokens: string[];
  cursorHz: number;
  movesPerSecond: number;
  reservedIds: string[];
  /** Where cursors wander (board units). */
  bounds: Rect;
}

export type CrowdCommand = 'start' | 'stop' | 'close';

export interface CrowdReport {
  elapsedMs: number;
  cursorsSent: number;
  movesSent: number;
  /** Everything the crowd's sockets sent and received since they connected. */
  traffic: Traffic;
  /** Share of the worker's time spent working (not idle in its event loop) while sending. */
  eventLoopUtilization: number;
  /** Clients still connected and synced when the report was made. */
  connected: number;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'started' }
  | { type: 'report'; report: CrowdReport }
  | { type: 'error'; message: string };

export interface Crowd {
  /** Starts moving cursors and notes. */
  start(): Promise<void>;
  /** Stops moving and reports what was sent since `start`. */
  stop(): Promise<CrowdReport>;
  close(): Promise<void>;
}

/** Connects the crowd and resolves once every client has synced the board. */
export async function connectCrowd(spec: CrowdSpec): Promise<Crowd> {
  // Node 20 gives worker threads none of tsx's loader (not even with --import in execArgv):
  // the worker starts as plain JavaScript and loads its TypeScript through tsx's API.
  const entry = JSON.stringify(new URL('./crowd-worker.ts', import.meta.url).href);
  const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${entry}, ${entry}))`, {
    eval: true,
    workerData: spec,
  });
  const next = (type: WorkerMessage['type']): Promise<WorkerMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'error') reject(new Error(`crowd: ${message.message}`));
        else if (message.type === type) resolve(message);
        else return;
        worker.off('message', onMessage);
        worker.off('error', reject);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  try {
    await next('ready');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    async start() {
      const started = next('started');
      worker.postMessage('start' satisfies CrowdCommand);
      await started;
    },
    async stop() {
      const answer = next('report');
      worker.postMessage('stop' satisfies CrowdCommand);
      const message = await answer;
      if (message.type !== 'report') throw new Error('crowd: no report');
      return message.report;
    },
    async close() {
      worker.postMessage('close' satisfies CrowdCommand);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

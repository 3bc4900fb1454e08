import { parseRoomName } from '@atelier/shared';
import { portOf } from '../sync/doc-thread';
import type { DocThreads } from '../sync/stored-doc';
import { type DocThread, docThreads } from '../sync/thread-doc-host';
import { startWorker } from './entry';

/**
 * The server's threads for big rooms' documents: a worker thread per board room whose stored state
 * passes `OFF_THREAD_BYTES` (sync/stored-doc.ts), started as the room loads and stopped as it
 * unloads. Only boards: the control documents stay on the room's thread, where the server observes
 * them as they change.
 */
export const boardThreads: DocThreads = docThreads(
  (room) => parseRoomName(room)?.kind === 'board',
  startDocWorker,
);

/** A worker thread for one room's document (workers/doc-worker.ts). */
export function startDocWorker(): DocThread {
  const worker = startWorker('doc-worker');
  // The room's sockets keep the server alive, not its document's thread.
  worker.unref();
  let stopped = false;
  return {
    port: portOf(worker),
    stop() {
      stopped = true;
      void worker.terminate();
    },
    onDeath(died) {
      worker.on('error', (error) => {
        if (!stopped) died(error);
      });
      worker.on('exit', (code) => {
        if (!stopped) died(new Error(`its thread exited (${code})`));
      });
    },
  };
}

import { parentPort } from 'node:worker_threads';
import { portOf, serveDoc } from '../sync/doc-thread';
import { lowerThreadPriority } from './thread-priority';

/*
 * A big room's document on a thread of its own (sync/doc-thread.ts, sync/thread-doc-host.ts).
 * Compiled to server/dist/doc-worker.js (scripts/server-build.config.ts).
 */

// Like the pool's threads, it gives way to the sync loop on a shared core: a 20,000-note board
// applied whole here must not delay other rooms' presence (issue 19 §3).
lowerThreadPriority();

if (parentPort) serveDoc(portOf(parentPort));

import { MessageChannel } from 'node:worker_threads';
import { portOf, serveDoc } from './doc-thread';
import type { DocThread } from './thread-doc-host';

/**
 * A document's thread served on a channel of this thread: the same messages as a worker's
 * (serveDoc), without starting one. `kill` plays the thread's death.
 */
export function channelThread(): DocThread & { kill(error: Error): void; stopped: boolean } {
  const { port1, port2 } = new MessageChannel();
  serveDoc(portOf(port2));
  let died: (error: Error) => void = () => {};
  const thread = {
    port: portOf(port1),
    stopped: false,
    stop() {
      thread.stopped = true;
      port1.close();
    },
    onDeath(fn: (error: Error) => void) {
      died = fn;
    },
    kill(error: Error) {
      port1.close();
      died(error);
    },
  };
  return thread;
}

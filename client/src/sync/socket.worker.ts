import { foldUpdates } from './foldUpdates';
import { type HubBatch, type HubCommand, SocketHub } from './socketHub';

/** The dedicated worker's global scope, as far as the hub needs it (the DOM lib types `self` as a window). */
interface WorkerScope {
  postMessage(message: HubBatch, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<HubCommand>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const hub = new SocketHub({
  post: (batch, transfer) => scope.postMessage(batch, transfer),
  createSocket: (url, protocols) => new WebSocket(url, protocols),
  fold: foldUpdates,
});
scope.onmessage = (event) => hub.handle(event.data);

import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket message type of an awareness update. */
const MESSAGE_AWARENESS = 1;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The stock provider sends the server every awareness change it applies, other people's
 * included: in a room of 45 a laptop would upload everyone's cursors back, 30 times a second,
 * for the server to drop. Only this client's own state is sent.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  awareness.off('update', provider._awarenessUpdateHandler);
  const handler = ({ added, updated, removed }: AwarenessChange): void => {
    const self = awareness.clientID;
    if (!added.includes(self) && !updated.includes(self) && !removed.includes(self)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [self]));
    ws.send(encoding.toUint8Array(encoder));
  };
  // `destroy()` detaches whatever this field holds.
  provider._awarenessUpdateHandler = handler;
  awareness.on('update', handler);
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';

/** Top-level y-websocket message types (the first varUint of every frame). */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** One frame: the top-level message type, then what `write` puts after it. */
function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 carrying the room's state vector (`DocHost.stateVector`). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** A sync step 2 carrying an already encoded (V1) update. */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return frame(MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, update));
}

/** The update a sync step 2 or update frame carries (what `syncReply` answers); throws on any other frame. */
export function decodeSyncFrame(message: Uint8Array): { update: Uint8Array; step2: boolean } {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  const sync = type === MESSAGE.sync ? decoding.readVarUint(decoder) : -1;
  if (sync !== syncProtocol.messageYjsSyncStep2 && sync !== syncProtocol.messageYjsUpdate)
    throw new Error(`not a sync step 2 or update frame (${type}/${sync})`);
  return { update: decoding.readVarUint8Array(decoder), step2: sync === syncProtocol.messageYjsSyncStep2 };
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update));
}

/** The y-protocols "permission denied" auth message; the stock client surfaces the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frame(MESSAGE.auth, (e) => authProtocol.writePermissionDenied(e, reason));
}

/**
 * An awareness update with no entries: a no-op for the client, but a message. The stock
 * client closes a socket on which nothing arrived for 30 s (pings are invisible to browser
 * code), so a quiet room — the control document, which carries no presence — needs one.
 */
export const KEEPALIVE: Uint8Array = encodeAwareness(new Uint8Array([0]));

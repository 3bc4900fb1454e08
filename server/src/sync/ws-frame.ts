/**
 * Server-to-client WebSocket frames built once per message (RFC 6455 §5.2: a final binary
 * frame, unmasked as a server's are). A broadcast message goes to every socket of a room —
 * a thousand in a plenary — and `ws`'s `send` framed it again for each: a header, a Buffer
 * view of the payload and two stream writes per socket. A frame built here is shared by every
 * socket it goes to and written with one `write` (the connection's socket is corked for the
 * turn, so a turn's frames still leave in one `writev`). Only for sockets without extensions:
 * the server never negotiates permessage-deflate (endpoint.ts), so the bytes are the same as
 * `ws` would write.
 */

/** Payloads from this size on are written as header and payload, not copied into one frame. */
export const COPY_LIMIT = 64 * 1024;

const FIN_BINARY = 0x82;
const framed = new WeakMap<Uint8Array, readonly Buffer[]>();

/** The frame carrying `message`, in one part (or, for a big payload, its header and the payload), to write in order. */
export function binaryFrame(message: Uint8Array): readonly Buffer[] {
  const known = framed.get(message);
  if (known) return known;
  const length = message.byteLength;
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const payload = Buffer.from(message.buffer, message.byteOffset, length);
  let frame: readonly Buffer[];
  if (length >= COPY_LIMIT) {
    frame = [header(Buffer.allocUnsafe(headerBytes), length), payload];
  } else {
    const whole = Buffer.allocUnsafe(headerBytes + length);
    header(whole, length);
    payload.copy(whole, headerBytes);
    frame = [whole];
  }
  framed.set(message, frame);
  return frame;
}

function header(target: Buffer, length: number): Buffer {
  target[0] = FIN_BINARY;
  if (length < 126) {
    target[1] = length;
  } else if (length < 65_536) {
    target[1] = 126;
    target.writeUInt16BE(length, 2);
  } else {
    target[1] = 127;
    target.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    target.writeUInt32BE(length >>> 0, 6);
  }
  return target;
}

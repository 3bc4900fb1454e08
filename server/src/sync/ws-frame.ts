import * as ws from 'ws';

/**
 * Server-to-client WebSocket frames built once per message. A broadcast message goes to every
 * socket of a room — a thousand in a plenary — and `ws`'s `send` framed it again for each: a
 * header, a Buffer view of the payload and two stream writes per socket. A frame built here
 * (with `ws`'s own `Sender.frame`, so the bytes are those `send` writes) is shared by every
 * socket it goes to and written with one `write` (the connection's socket is corked for the
 * turn, so a turn's frames still leave in one `writev`). Only for sockets without extensions:
 * the server never negotiates permessage-deflate (endpoint.ts).
 */

/** Payloads from this size on are written as header and payload, not copied into one frame. */
export const COPY_LIMIT = 64 * 1024;

/** `ws`'s public framing (its `Sender.frame`, a named export that @types/ws does not declare). */
interface WsSender {
  frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean }): Buffer[];
}
const { Sender } = ws as unknown as { Sender: WsSender };
const BINARY = 0x2;

const framed = new WeakMap<Uint8Array, readonly Buffer[]>();

/** The frame carrying `message`, in one part (or, for a big payload, its header and the payload), to write in order. */
export function binaryFrame(message: Uint8Array): readonly Buffer[] {
  const known = framed.get(message);
  if (known) return known;
  const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  // Unmasked, as a server's frames are: the payload is not touched, only referenced.
  const parts = Sender.frame(payload, { fin: true, opcode: BINARY, mask: false, readOnly: true });
  const frame = message.byteLength >= COPY_LIMIT ? parts : [Buffer.concat(parts)];
  framed.set(message, frame);
  return frame;
}

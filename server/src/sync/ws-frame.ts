import * as ws from 'ws';

/**
 * Server-to-client WebSocket frames built once per message. A broadcast message goes to every
 * socket of a room — a thousand in a plenary — and `ws`'s `send` framed it again for each: a
 * header, a Buffer view of the payload and two stream writes per socket. A frame built here
 * (with `ws`'s own `Sender.frame`, so the bytes are those `send` writes) is shared by every
 * socket it goes to, joined into one buffer once it goes to a second socket (`binaryFrame`; the
 * connection's socket is corked for the turn, so a turn's frames still leave in one `writev`,
 * header and payload parts included). Only for sockets without extensions:
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

/** A message's frame: its header and payload parts, and once it is shared, the two joined. */
interface Framed {
  parts: Buffer[];
  joined: readonly Buffer[] | null;
}
const framed = new WeakMap<Uint8Array, Framed>();

/**
 * The frame carrying `message`, as parts to write in order. The first time, its header and the
 * payload (no copy: a message built for one socket, as a busy room's presence merged per receiver
 * is, is written as it is — copying each into one buffer cost as much CPU as the writes, 2026-12-07
 * profile of the 30 Hz room). From its second socket on, a small message is shared: it is joined
 * into one buffer once, so each further socket writes it in one `write`.
 */
export function binaryFrame(message: Uint8Array): readonly Buffer[] {
  const known = framed.get(message);
  if (known) {
    if (known.joined === null)
      known.joined = message.byteLength >= COPY_LIMIT ? known.parts : [Buffer.concat(known.parts)];
    return known.joined;
  }
  const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  // Unmasked, as a server's frames are: the payload is not touched, only referenced.
  const parts = Sender.frame(payload, { fin: true, opcode: BINARY, mask: false, readOnly: true });
  framed.set(message, { parts, joined: null });
  return parts;
}

/**
 * A presence relay message's wire format (docs/scale-out.md, "Presence relay"): JSON published
 * on `presence:<room>`, `n` the sender's node id and `t` its kind —
 * `u` the sender's own clients' entries changed in one tick, `s` its own clients' full states
 * (the answer to a query: whatever of its clients is not in it is gone), `q` a query (the room
 * just loaded on the sender). Entries are `[clientId, clock, json, light]` as the presence table
 * holds them, already sanitised by the sender. What is read back is checked here: a malformed
 * message must be skipped, not applied.
 */
import { MAX_PRESENCE_STATE_BYTES } from '@atelier/shared';
import { z } from 'zod';
import type { PresenceEntry } from '../sync/presence';

export type PresenceMessage =
  | { node: string; kind: 'u' | 's'; entries: PresenceEntry[] }
  | { node: string; kind: 'q' };

/** A state's JSON with the server-given `user` weighs more than the client's capped state. */
const MAX_JSON_CHARS = 4 * MAX_PRESENCE_STATE_BYTES;
/** More clients than one room can hold (plenaries are hundreds). */
const MAX_ENTRIES = 5000;

const json = z.string().max(MAX_JSON_CHARS).nullable();
const entry = z
  .tuple([
    z.number().int().min(0).max(0xffffffff),
    z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    json,
    json,
  ])
  .refine(([, , state, light]) => state !== null || light === null, 'a removal carries no light state');
const node = z.string().min(1).max(100);
const raw = z.discriminatedUnion('t', [
  z.object({ n: node, t: z.enum(['u', 's']), e: z.array(entry).max(MAX_ENTRIES) }),
  z.object({ n: node, t: z.literal('q') }),
]);

export function encodePresenceMessage(message: PresenceMessage): string {
  if (message.kind === 'q') return JSON.stringify({ n: message.node, t: 'q' });
  return JSON.stringify({
    n: message.node,
    t: message.kind,
    e: message.entries.map((e) => [e.clientId, e.clock, e.json, e.light]),
  });
}

/** Reads a message as received; `null` when it is not one (unknown fields are ignored). */
export function decodePresenceMessage(text: string): PresenceMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = raw.safeParse(value);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.t === 'q') return { node: message.n, kind: 'q' };
  return {
    node: message.n,
    kind: message.t,
    entries: message.e.map(([clientId, clock, state, light]) => ({ clientId, clock, json: state, light })),
  };
}

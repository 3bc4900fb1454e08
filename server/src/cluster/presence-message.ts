/**
 * A presence relay message's wire format (docs/scale-out.md, "Presence relay"): JSON published
 * on `presence:<room>`, `n` the sender's node id and `t` its kind —
 * `u` the sender's own clients' entries changed in one event-loop turn, `s` its own clients' full
 * states (the answer to a query: whatever of its clients is not in it is gone), `q` a query (the
 * room just loaded on the sender). Entries are `[clientId, clock, json, light, pointer, unpointed,
 * unpointedJson, facilitator]` as the presence table holds them, already sanitised by the sender
 * (`pointer` as `[x, y]` or null): the receiving node's interest management (sync/interest.ts)
 * needs the last four as much as the sender's. A removal, or an entry without them, is the first
 * four only (all that nodes sent before: still read). What is read back is checked here: a
 * malformed message must be skipped, not applied.
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
const clientId = z.number().int().min(0).max(0xffffffff);
const clock = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** The sender checked its clients' coordinates (awareness-filter.ts); here only that they are numbers. */
const coordinate = z.number().finite();
const entry = z
  // The eight-field form first: it is what nodes send for every present client.
  .union([
    z.tuple([
      clientId,
      clock,
      json,
      json,
      z.tuple([coordinate, coordinate]).nullable(),
      json,
      json,
      z.boolean(),
    ]),
    z.tuple([clientId, clock, json, json]),
  ])
  .refine(([, , state, light]) => state !== null || light === null, 'a removal carries no light state')
  .refine((e) => e[2] !== null || e.length === 4, 'a removal carries no pointer fields');
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
    e: message.entries.map(entryTuple),
  });
}

function entryTuple(e: PresenceEntry): unknown[] {
  const base = [e.clientId, e.clock, e.json, e.light];
  if (
    e.json === null ||
    (e.pointer === undefined && e.unpointed === undefined && e.facilitator === undefined)
  )
    return base;
  const pointer = e.pointer ? [e.pointer.x, e.pointer.y] : null;
  return [...base, pointer, e.unpointed ?? null, e.unpointedJson ?? null, e.facilitator ?? false];
}

function entryOf(e: z.infer<typeof entry>): PresenceEntry {
  const [clientId, clock, state, light] = e;
  if (e.length === 4) return { clientId, clock, json: state, light };
  const [, , , , pointer, unpointed, unpointedJson, facilitator] = e;
  return {
    clientId,
    clock,
    json: state,
    light,
    pointer: pointer ? { x: pointer[0], y: pointer[1] } : null,
    unpointed,
    unpointedJson,
    facilitator,
  };
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
    entries: message.e.map(entryOf),
  };
}

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeUpdate, MESSAGE } from './messages';
import type { PendingPresence, PresenceEntry, PresenceTable } from './presence';

/** What the relay needs of a room's peer (room.ts `Peer`). */
export interface Peer {
  send(message: Uint8Array): void;
  readonly awarenessClientId: number | null;
}

/**
 * Interest management (docs/contract.md, "Presence"): past this many people in a room, a
 * client gets the cursors of the NEAREST_CURSORS people nearest to its own pointer plus every
 * facilitator's, not everyone's. Everyone still gets everyone's state (name, colour, what
 * they edit) without the pointer, so the participants list stays whole.
 */
export const INTEREST_FROM_PEOPLE = 60;
export const NEAREST_CURSORS = 25;
/** How often who is nearest is worked out again (pointers move; a set a little old is fine). */
export const INTEREST_REFRESH_MS = 500;
/**
 * States without the pointer (for those outside a client's interest: what it edits changed,
 * or a cursor to hide) wait and leave together this often, so that they do not cost every
 * socket a write every tick.
 */
export const BACKGROUND_MS = 1_000;
/**
 * A client's state reaches everyone at least this often (the stock client drops a state not
 * renewed for 30 s; clients renew theirs every 15 s).
 */
export const RENEW_MS = 10_000;
/**
 * Receivers without a pointer (viewers, people whose pointer is off the board) get what the
 * room sends — document updates included — at most this often, in one write: they act on
 * nothing, and one write per socket per tick is what a big room costs (700 viewers at 100 ms
 * were 7,000 of a plenary's 16,000 writes a second).
 */
export const AUDIENCE_MS = 200;
/**
 * A room past INTEREST_FROM_PEOPLE ticks at most this often, whatever `PRESENCE_TICK_MS`: each
 * tick costs every socket a write, and the web client hands others' changes to the page at most
 * every 100 ms in a busy room (client `REMOTE_FRAME_MS`), so a 50-ms tick shows nothing later
 * there. With the audience's 200 ms: 9,400 writes a second instead of 16,100 for 300
 * participants and 700 viewers (benchmarks.md, 2026-12-07 "Plenary ticks").
 */
export const BIG_ROOM_TICK_MS = 50;

/** A stored document update to send, and the peer it came from (which does not get it back). */
export interface HeldUpdate {
  /** The update as sent alone (`encodeUpdate(update)`). */
  message: Uint8Array;
  update: Uint8Array;
  origin: unknown;
}

/**
 * Stored updates going to many receivers at once (a tick's, or what the audience waited for):
 * a receiver that sent none of them gets them merged into one message (`Y.mergeUpdates`, built
 * at the first use and shared), one frame where it got one per update; the sender of one gets
 * the others one by one, never its own back.
 */
export class UpdateBatch {
  private merged: Uint8Array | null = null;
  private readonly origins: Set<unknown>;

  constructor(private readonly updates: readonly HeldUpdate[]) {
    this.origins = new Set(updates.map((u) => u.origin));
  }

  sendTo(peer: Peer): void {
    if (this.updates.length === 0) return;
    if (this.updates.length === 1 || this.origins.has(peer)) {
      for (const u of this.updates) if (u.origin !== peer) peer.send(u.message);
      return;
    }
    this.merged ??= encodeUpdate(Y.mergeUpdates(this.updates.map((u) => u.update)));
    peer.send(this.merged);
  }
}

interface Point {
  x: number;
  y: number;
}

/** Pointers laid out flat, so that the distance loop reads numbers, not objects. */
export interface Pointers {
  ids: Float64Array;
  xs: Float64Array;
  ys: Float64Array;
}

export function pointersOf(points: readonly { clientId: number; pointer: Point }[]): Pointers {
  const ids = new Float64Array(points.length);
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  points.forEach(({ clientId, pointer }, i) => {
    ids[i] = clientId;
    xs[i] = pointer.x;
    ys[i] = pointer.y;
  });
  return { ids, xs, ys };
}

/**
 * The ids of the `count` pointers nearest to `origin`, nearest first (squared distance; ties
 * to the earlier one), `exclude` left out. One pass keeping the `count` best in a max-heap:
 * this runs for every receiver with a pointer at every refresh.
 */
export function nearestIds(
  origin: Point,
  pointers: Pointers,
  count: number,
  exclude: number | null,
): number[] {
  const { ids, xs, ys } = pointers;
  // The heap holds candidate indexes; the farthest (distance, then index) at the root.
  const heap = new Int32Array(count);
  const distance = new Float64Array(ids.length);
  let size = 0;
  const farther = (a: number, b: number) =>
    (distance[a] as number) > (distance[b] as number) || (distance[a] === distance[b] && a > b);
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === exclude) continue;
    const dx = (xs[i] as number) - origin.x;
    const dy = (ys[i] as number) - origin.y;
    distance[i] = dx * dx + dy * dy;
    if (size < count) {
      let at = size++;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (!farther(i, heap[up] as number)) break;
        heap[at] = heap[up] as number;
        at = up;
      }
      heap[at] = i;
    } else if (count > 0 && farther(heap[0] as number, i)) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && farther(heap[right] as number, heap[left] as number) ? right : left;
        if (!farther(heap[child] as number, i)) break;
        heap[at] = heap[child] as number;
        at = child;
      }
      heap[at] = i;
    }
  }
  return Array.from(heap.subarray(0, size))
    .sort((a, b) => (farther(a, b) ? 1 : -1))
    .map((i) => ids[i] as number);
}

/**
 * What one receiver, or every receiver without a pointer of its own (one shared audience),
 * is sent: `near` are the clients whose cursor it gets, `showing` those whose last state it got
 * carried a pointer (to hide when they leave `near`).
 */
interface Receivers {
  /** The receiver's own client id (its own state is never sent back); `null` for the audience. */
  self: number | null;
  near: Set<number>;
  showing: Set<number>;
}

/** The variants of a state sent in one tick, each encoded once (client id, clock, JSON). */
const FULL = 0;
const LIGHT = 1;
const UNPOINTED_FULL = 2;
const UNPOINTED = 3;
const REMOVED = 4;

interface TickItem {
  entry: PresenceEntry;
  first: boolean;
  chunks: (Uint8Array | undefined)[];
}

/**
 * The relay of a room past INTEREST_FROM_PEOPLE. Each tick, a receiver gets in one frame the
 * new states of the clients near it (with the pointer), removals, and first states (without
 * the pointer unless near); once per BACKGROUND_MS, the latest state without the pointer of
 * clients that changed something else, are due a renewal, or left its interest. The per-client
 * parts of a frame are encoded once per tick, and receivers without a pointer share one frame.
 */
export class InterestRelay {
  private readonly receivers = new Map<Peer, Receivers>();
  private readonly audience: Receivers = { self: null, near: new Set(), showing: new Set() };
  private refreshedAt = Number.NEGATIVE_INFINITY;
  /** Per client: the unpointed state everyone last got, and when. */
  private readonly toAll = new Map<number, { unpointed: string | null; at: number }>();
  /** Latest entry per client due to everyone outside its interest at the next background send. */
  private readonly background = new Map<number, PresenceEntry>();
  private backgroundAt = Number.NEGATIVE_INFINITY;
  /** What the audience is due at its next send: stored updates, and presence entries in order. */
  private audienceUpdates: HeldUpdate[] = [];
  private audienceChunks: Uint8Array[] = [];
  private audienceAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: {
      nearest: number;
      refreshMs: number;
      backgroundMs: number;
      renewMs: number;
      audienceMs: number;
    } = {
      nearest: NEAREST_CURSORS,
      refreshMs: INTEREST_REFRESH_MS,
      backgroundMs: BACKGROUND_MS,
      renewMs: RENEW_MS,
      audienceMs: AUDIENCE_MS,
    },
  ) {}

  /** Whether the audience has something waiting: the room must tick again. */
  get waiting(): boolean {
    return this.audienceUpdates.length > 0 || this.audienceChunks.length > 0;
  }

  /**
   * A relay for a room crossing the threshold: its clients show every cursor so far, so each
   * receiver starts as showing all of them (hidden with their next state when not near).
   */
  static showingAll(table: PresenceTable): InterestRelay {
    const relay = new InterestRelay();
    for (const entry of table.values()) if (entry.pointer) relay.audience.showing.add(entry.clientId);
    return relay;
  }

  /**
   * Sends `changes` (from `PresenceTable.takePending`) and the stored `updates` of the tick to
   * `peers`; `now` in ms (monotonic).
   */
  relay(
    table: PresenceTable,
    changes: readonly PendingPresence[],
    peers: Iterable<Peer>,
    now: number,
    updates: readonly HeldUpdate[] = [],
  ): void {
    if (now - this.refreshedAt >= this.options.refreshMs) this.refresh(table, peers, now);
    const items: TickItem[] = [];
    for (const { entry, first } of changes) {
      const id = entry.clientId;
      if (entry.json === null) {
        this.toAll.delete(id);
        this.background.delete(id);
        for (const r of this.receivers.values()) r.near.delete(id);
      } else if (first) {
        this.toAll.set(id, { unpointed: entry.unpointed ?? null, at: now });
        this.background.delete(id);
      } else {
        const last = this.toAll.get(id);
        if (!last || last.unpointed !== (entry.unpointed ?? null) || now - last.at >= this.options.renewMs)
          this.background.set(id, entry);
      }
      items.push({ entry, first, chunks: [] });
    }
    const sendBackground = this.background.size > 0 && now - this.backgroundAt >= this.options.backgroundMs;
    const late: TickItem[] = [];
    if (sendBackground) {
      this.backgroundAt = now;
      for (const entry of this.background.values()) {
        late.push({ entry, first: false, chunks: [] });
        this.toAll.set(entry.clientId, { unpointed: entry.unpointed ?? null, at: now });
      }
      this.background.clear();
    }
    this.audienceChunks.push(...this.chunksFor(this.audience, items, late));
    this.audienceUpdates.push(...updates);
    const audienceDue = this.waiting && now - this.audienceAt >= this.options.audienceMs;
    const audience = audienceDue ? this.takeAudience() : null;
    if (audienceDue) this.audienceAt = now;
    const tick = new UpdateBatch(updates);
    for (const peer of peers) {
      const own = this.receivers.get(peer);
      if (own) {
        tick.sendTo(peer);
        const chunks = this.chunksFor(own, items, late);
        if (chunks.length > 0) peer.send(awarenessFrame(chunks));
      } else if (audience) {
        audience.sendTo(peer);
      }
    }
  }

  /** Works out who is near whom: receivers with a pointer get their own set, the others the audience's. */
  private refresh(table: PresenceTable, peers: Iterable<Peer>, now: number): void {
    this.refreshedAt = now;
    const pointers: { clientId: number; pointer: Point }[] = [];
    const facilitators: number[] = [];
    for (const entry of table.values()) {
      if (entry.pointer) pointers.push({ clientId: entry.clientId, pointer: entry.pointer });
      if (entry.facilitator) facilitators.push(entry.clientId);
    }
    this.audience.near = new Set(facilitators);
    const flat = pointersOf(pointers);
    const before = new Map(this.receivers);
    this.receivers.clear();
    for (const peer of peers) {
      const id = peer.awarenessClientId;
      const pointer = id === null ? null : table.get(id)?.pointer;
      if (!pointer) continue;
      const near = new Set(nearestIds(pointer, flat, this.options.nearest, id));
      for (const f of facilitators) if (f !== id) near.add(f);
      const was = before.get(peer);
      // A receiver leaving the audience gets what the audience still waits for, and keeps
      // showing what the audience showed.
      if (!was) this.pendingAudience().sendTo(peer);
      const showing = was?.showing ?? new Set(this.audience.showing);
      this.receivers.set(peer, { self: id, near, showing });
    }
  }

  /**
   * Sends the audience what it waits for now (the room is leaving interest management, or
   * closing): nothing stored may stay unsent.
   */
  drainAudience(peers: Iterable<Peer>): void {
    const audience = this.takeAudience();
    for (const peer of peers) if (!this.receivers.has(peer)) audience.sendTo(peer);
  }

  /** What the audience waited for, taken to send: its updates merged, its presence entries in one frame. */
  private takeAudience(): { sendTo(peer: Peer): void } {
    const audience = this.pendingAudience();
    this.audienceUpdates = [];
    this.audienceChunks = [];
    return audience;
  }

  /** What the audience waits for now, to send (a receiver leaving it gets it at once; the audience, later, too). */
  private pendingAudience(): { sendTo(peer: Peer): void } {
    const updates = new UpdateBatch(this.audienceUpdates);
    const frame = this.audienceChunks.length > 0 ? awarenessFrame(this.audienceChunks) : null;
    return {
      sendTo(peer) {
        updates.sendTo(peer);
        if (frame) peer.send(frame);
      },
    };
  }

  /** One receiver's presence entries of this tick (none when nothing in it concerns them). */
  private chunksFor(r: Receivers, items: readonly TickItem[], late: readonly TickItem[]): Uint8Array[] {
    const chunks: Uint8Array[] = [];
    for (const item of items) {
      const id = item.entry.clientId;
      if (id === r.self) continue;
      let variant: number;
      if (item.entry.json === null) {
        variant = REMOVED;
        r.showing.delete(id);
      } else if (r.near.has(id)) {
        variant = item.first ? FULL : LIGHT;
        if (item.entry.pointer) r.showing.add(id);
        else r.showing.delete(id);
      } else if (item.first) {
        variant = UNPOINTED_FULL;
      } else continue;
      chunks.push(chunkOf(item, variant));
    }
    for (const item of late) {
      const id = item.entry.clientId;
      if (id === r.self || r.near.has(id)) continue;
      r.showing.delete(id);
      chunks.push(chunkOf(item, UNPOINTED));
    }
    // A cursor shown that left the interest is hidden with its client's next state.
    for (const item of items) {
      const id = item.entry.clientId;
      if (item.entry.json === null || item.first || r.near.has(id) || !r.showing.has(id)) continue;
      r.showing.delete(id);
      chunks.push(chunkOf(item, UNPOINTED));
    }
    return chunks;
  }
}

/** An awareness message of entries already encoded: one allocation, no encoder. */
export function awarenessFrame(chunks: readonly Uint8Array[]): Uint8Array {
  let entriesBytes = 0;
  for (const chunk of chunks) entriesBytes += chunk.byteLength;
  const countBytes = varUintBytes(chunks.length);
  const payload = countBytes + entriesBytes;
  const frame = new Uint8Array(1 + varUintBytes(payload) + payload);
  frame[0] = MESSAGE.awareness;
  let at = writeVarUint(frame, 1, payload);
  at = writeVarUint(frame, at, chunks.length);
  for (const chunk of chunks) {
    frame.set(chunk, at);
    at += chunk.byteLength;
  }
  return frame;
}

function varUintBytes(n: number): number {
  let bytes = 1;
  for (let v = n; v > 0x7f; v = Math.floor(v / 0x80)) bytes++;
  return bytes;
}

/** lib0's varUint: 7 bits a byte, low first, the high bit set on all but the last. */
function writeVarUint(into: Uint8Array, at: number, n: number): number {
  let v = n;
  let i = at;
  while (v > 0x7f) {
    into[i++] = 0x80 | (v & 0x7f);
    v = Math.floor(v / 0x80);
  }
  into[i++] = v;
  return i;
}

/** An entry's bytes in an awareness update as `variant`, encoded at its first use in the tick. */
function chunkOf(item: TickItem, variant: number): Uint8Array {
  const cached = item.chunks[variant];
  if (cached) return cached;
  const { entry } = item;
  const json =
    variant === REMOVED
      ? 'null'
      : variant === FULL
        ? entry.json
        : variant === LIGHT
          ? entry.light
          : variant === UNPOINTED_FULL
            ? (entry.unpointedJson ?? entry.json)
            : (entry.unpointed ?? entry.light);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entry.clientId);
  encoding.writeVarUint(encoder, entry.clock);
  encoding.writeVarString(encoder, json ?? 'null');
  const chunk = encoding.toUint8Array(encoder);
  item.chunks[variant] = chunk;
  return chunk;
}

import * as encoding from 'lib0/encoding';
import { encodeAwareness } from './messages';

/** One awareness entry as the room relays it. */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state's JSON with the server-given `user`; `null` when the client left. */
  json: string | null;
  /** The same state without `user`, sent to peers that already know who this client is. */
  light: string | null;
  /** Where the pointer is (board units), `null` or absent when it is off the board (interest.ts). */
  pointer?: { x: number; y: number } | null;
  /** `light` without `cursor`: the state as peers outside this client's interest get it. */
  unpointed?: string | null;
  /** `json` without `cursor`. */
  unpointedJson?: string | null;
  /** Sent by a facilitator: everyone gets their cursor. */
  facilitator?: boolean;
}

/** A change `takePending` hands over, and whether peers are to be told who this client is. */
export interface PendingPresence {
  entry: PresenceEntry;
  /** The client's first state since it arrived: it goes with `user`. */
  first: boolean;
}

/**
 * Relays a room's presence to the other nodes serving it (docs/scale-out.md, "Presence relay");
 * none in the embedded mode, where a table holds only this process's clients.
 */
export interface PresenceRelay {
  /**
   * Follows `room` across nodes: other nodes' entries go into `table` (`apply` with their node
   * id), then `changed()` asks the room for a flush. Called once per loaded room.
   */
  join(room: string, table: PresenceTable, changed: () => void): PresenceLink;
}

/** A room's end of the relay. */
export interface PresenceLink {
  /**
   * This node's own clients' entries changed in one event-loop turn, latest per client (never
   * other nodes' entries): published as they arrive, not at the room's tick.
   */
  publish(entries: readonly PresenceEntry[]): void;
  /** The room unloads. */
  leave(): void;
}

/**
 * The room's presence, without a Y.Doc or an `Awareness` instance: per client id its clock and
 * the JSON to relay, already sanitised. Changes are gathered between two flushes and sent as
 * one merged awareness message, so a cursor moving at 20 Hz costs one frame per socket per
 * tick, whatever the number of people moving.
 *
 * With a relay, the table also holds other nodes' clients, tagged with their node: a node only
 * removes its own clients, and another node's go when that node says so or dies (`removeNode`).
 * Its own clients' changes go to the relay at the end of the turn they arrived in, not at the
 * tick, so a cursor crossing nodes waits for one tick (the receiving node's), not two.
 */
export class PresenceTable {
  private readonly entries = new Map<number, PresenceEntry>();
  /** Latest entry per client id changed since the last flush, removals included. */
  private readonly pending = new Map<number, PresenceEntry>();
  /** Client ids whose state with `user` every peer has received (broadcast or snapshot). */
  private readonly announced = new Set<number>();
  /** The node of each entry held for another node's client (absent: a client of this node). */
  private readonly nodeOf = new Map<number, string>();
  /**
   * The clock at which another node's client was removed here: a late or doubled entry of it is
   * not taken again (y-protocols keeps the clock of a removed state for the same reason).
   */
  private readonly removedAt = new Map<number, number>();
  /** This node's own clients' changes since the relay last took them; `null` without a relay. */
  private own: Map<number, PresenceEntry> | null = null;
  private link: PresenceLink | null = null;
  /** The end of the turn at which `own` goes to the relay (one publication per room per turn). */
  private publishing: NodeJS.Immediate | null = null;
  /**
   * The last snapshots encoded, with and without pointers, until a state changes: arrivals in
   * between share one message instead of each getting its own copy (tens of KB per newcomer
   * in a room of hundreds, all allocated at once when a plenary joins).
   */
  private readonly snapshots: { pointers: Uint8Array | null; unpointed: Uint8Array | null } = {
    pointers: null,
    unpointed: null,
  };

  get size(): number {
    return this.entries.size;
  }

  get hasChanges(): boolean {
    return this.pending.size > 0;
  }

  has(clientId: number): boolean {
    return this.entries.has(clientId);
  }

  get(clientId: number): PresenceEntry | undefined {
    return this.entries.get(clientId);
  }

  /**
   * Whether another node holds a client of someone with `role` (the server-given `user` of its
   * state). Reads the states' JSON, so only asked off the hot path (the edit journal, when no
   * such person is connected here), and stops at the first found.
   */
  hasRemoteRole(role: string): boolean {
    for (const clientId of this.nodeOf.keys()) {
      const json = this.entries.get(clientId)?.json;
      if (json && roleOf(json) === role) return true;
    }
    return false;
  }

  /** Every present state. */
  values(): IterableIterator<PresenceEntry> {
    return this.entries.values();
  }

  /**
   * Applies entries with y-protocols' rule: a higher clock wins; at the same clock only a
   * removal of a known state does. Without `node`, the entries are this node's own clients'
   * (a connection's), which also win over an entry held for another node (the client moved
   * here). With `node`, they are that node's clients', relayed: they never replace one of this
   * node's clients, and a removal only removes that node's. Returns whether anything changed.
   */
  apply(entries: readonly PresenceEntry[], node?: string): boolean {
    let applied = false;
    for (const entry of entries) {
      const { clientId } = entry;
      const current = this.entries.get(clientId);
      const holder = this.nodeOf.get(clientId);
      let newer: boolean;
      if (node === undefined) {
        newer =
          current === undefined || holder !== undefined
            ? entry.json !== null
            : entry.clock > current.clock || (entry.clock === current.clock && entry.json === null);
      } else if (current === undefined) {
        newer = entry.json !== null && entry.clock > (this.removedAt.get(clientId) ?? -1);
      } else {
        newer =
          holder !== undefined &&
          (entry.clock > current.clock || (entry.clock === current.clock && entry.json === null)) &&
          (entry.json !== null || holder === node);
      }
      if (!newer) continue;
      this.set(entry, node);
      applied = true;
    }
    return applied;
  }

  /** Marks one of this node's clients as gone (its connection closed); another node's stays. */
  remove(clientId: number): boolean {
    const current = this.entries.get(clientId);
    if (!current || this.nodeOf.has(clientId)) return false;
    return this.apply([{ clientId, clock: current.clock + 1, json: null, light: null }]);
  }

  /** Removes every client of another node (it is gone); returns whether there was any. */
  removeNode(node: string): boolean {
    const removed: PresenceEntry[] = [];
    for (const [clientId, holder] of this.nodeOf) {
      const current = this.entries.get(clientId);
      if (holder === node && current)
        removed.push({ clientId, clock: current.clock + 1, json: null, light: null });
    }
    return this.apply(removed, node);
  }

  /**
   * Keeps only `entries` of `node`'s clients: its full states (the answer to a query), so a
   * removal missed meanwhile (a lost message) does not leave a client here for ever.
   */
  replaceNode(node: string, entries: readonly PresenceEntry[]): boolean {
    const kept = new Set(entries.map((entry) => entry.clientId));
    const gone: PresenceEntry[] = [];
    for (const [clientId, holder] of this.nodeOf) {
      const current = this.entries.get(clientId);
      if (holder === node && current && !kept.has(clientId))
        gone.push({ clientId, clock: current.clock + 1, json: null, light: null });
    }
    const applied = this.apply(entries, node);
    return this.apply(gone, node) || applied;
  }

  /** The states of this node's own clients (what another node asks for when the room loads there). */
  ownStates(): PresenceEntry[] {
    return [...this.entries.values()].filter((entry) => !this.nodeOf.has(entry.clientId));
  }

  /** The nodes whose clients this table holds. */
  nodes(): Set<string> {
    return new Set(this.nodeOf.values());
  }

  /**
   * From now on, this node's own clients' changes go to `link` at the end of the event-loop turn
   * in which they arrived (the relay's join does it).
   */
  relayTo(link: PresenceLink): void {
    this.link = link;
    this.own = new Map();
  }

  /** Stops handing changes to the relay (the room unloads); what was not handed over is dropped. */
  detach(): void {
    if (this.publishing) clearImmediate(this.publishing);
    this.publishing = null;
    this.link = null;
    this.own = null;
  }

  private set(entry: PresenceEntry, node: string | undefined): void {
    const { clientId } = entry;
    this.snapshots.pointers = null;
    this.snapshots.unpointed = null;
    if (entry.json === null) {
      this.entries.delete(clientId);
      this.nodeOf.delete(clientId);
    } else {
      this.entries.set(clientId, entry);
      if (node === undefined) this.nodeOf.delete(clientId);
      else this.nodeOf.set(clientId, node);
    }
    if (node === undefined) {
      this.removedAt.delete(clientId);
      if (this.own) {
        this.own.set(clientId, entry);
        // Not at the tick: a cursor crossing nodes would wait for this node's tick, then the
        // other's. setImmediate runs after the poll phase, so every socket message read in
        // this turn (45 people at 30 Hz arrive in bunches) leaves in one publication.
        this.publishing ??= setImmediate(this.publishOwn);
      }
    } else if (entry.json === null) this.removedAt.set(clientId, entry.clock);
    this.pending.set(clientId, entry);
  }

  /**
   * The merged awareness message of everything that changed since the last call, or `null`.
   * Name, colour, role and group (most of a state's bytes) go out with a client's first
   * state only; later ones carry just the pointer and activity, and clients keep the `user`
   * they last received for that client id (docs/contract.md).
   */
  takeChanges(): Uint8Array | null {
    if (this.pending.size === 0) return null;
    const changes = this.takePending();
    return encodeEntries(
      changes.map((c) => c.entry),
      (entry, i) => {
        if (entry.json === null) return 'null';
        return changes[i]?.first ? entry.json : (entry.light ?? entry.json);
      },
    );
  }

  /** This node's own clients' changes of the turn go to the relay. */
  private readonly publishOwn = (): void => {
    this.publishing = null;
    if (this.link && this.own && this.own.size > 0) {
      this.link.publish([...this.own.values()]);
      this.own.clear();
    }
  };

  /** What changed since the last take, each marked when it is a client's first state (interest.ts relays it). */
  takePending(): PendingPresence[] {
    const changes: PendingPresence[] = [];
    for (const entry of this.pending.values()) {
      let first = false;
      if (entry.json === null) this.announced.delete(entry.clientId);
      else if (!this.announced.has(entry.clientId)) {
        this.announced.add(entry.clientId);
        first = true;
      }
      changes.push({ entry, first });
    }
    this.pending.clear();
    return changes;
  }

  /**
   * Every present state with its `user`, for a peer that just arrived; `null` when nobody is
   * here. `pointers: false` (a room past the interest threshold) leaves every cursor out: the
   * newcomer gets cursors as they come into its interest (interest.ts).
   */
  snapshot(pointers = true): Uint8Array | null {
    if (this.entries.size === 0) return null;
    const key = pointers ? 'pointers' : 'unpointed';
    this.snapshots[key] ??= encodeEntries([...this.entries.values()], (e) =>
      pointers ? (e.json ?? 'null') : (e.unpointedJson ?? e.json ?? 'null'),
    );
    return this.snapshots[key];
  }
}

function encodeEntries(
  entries: readonly PresenceEntry[],
  json: (entry: PresenceEntry, index: number) => string,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  entries.forEach((entry, i) => {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, json(entry, i));
  });
  return encodeAwareness(encoding.toUint8Array(encoder));
}

/** The `user.role` of a state's JSON; `undefined` when it has none or does not parse. */
function roleOf(json: string): unknown {
  try {
    return (JSON.parse(json) as { user?: { role?: unknown } } | null)?.user?.role;
  } catch {
    return undefined;
  }
}

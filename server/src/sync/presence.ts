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
 * The room's presence, without a Y.Doc or an `Awareness` instance: per client id its clock and
 * the JSON to relay, already sanitised. Changes are gathered between two flushes and sent as
 * one merged awareness message, so a cursor moving at 20 Hz costs one frame per socket per
 * tick, whatever the number of people moving.
 */
export class PresenceTable {
  private readonly entries = new Map<number, PresenceEntry>();
  /** Latest entry per client id changed since the last flush, removals included. */
  private readonly pending = new Map<number, PresenceEntry>();
  /** Client ids whose state with `user` every peer has received (broadcast or snapshot). */
  private readonly announced = new Set<number>();

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

  /** Every present state. */
  values(): IterableIterator<PresenceEntry> {
    return this.entries.values();
  }

  /**
   * Applies entries with y-protocols' rule: a higher clock wins; at the same clock only a
   * removal of a known state does. Returns whether anything changed.
   */
  apply(entries: readonly PresenceEntry[]): boolean {
    let applied = false;
    for (const entry of entries) {
      const current = this.entries.get(entry.clientId);
      const newer =
        current === undefined
          ? entry.json !== null
          : entry.clock > current.clock || (entry.clock === current.clock && entry.json === null);
      if (!newer) continue;
      if (entry.json === null) this.entries.delete(entry.clientId);
      else this.entries.set(entry.clientId, entry);
      this.pending.set(entry.clientId, entry);
      applied = true;
    }
    return applied;
  }

  /** Marks a client as gone (its connection closed). */
  remove(clientId: number): boolean {
    const current = this.entries.get(clientId);
    if (!current) return false;
    return this.apply([{ clientId, clock: current.clock + 1, json: null, light: null }]);
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
    return encodeEntries([...this.entries.values()], (e) =>
      pointers ? (e.json ?? 'null') : (e.unpointedJson ?? e.json ?? 'null'),
    );
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

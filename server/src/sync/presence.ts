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
    const message = encodeEntries([...this.pending.values()], (entry) => {
      if (entry.json === null) {
        this.announced.delete(entry.clientId);
        return 'null';
      }
      if (this.announced.has(entry.clientId)) return entry.light ?? entry.json;
      this.announced.add(entry.clientId);
      return entry.json;
    });
    this.pending.clear();
    return message;
  }

  /** Every present state with its `user`, for a peer that just arrived; `null` when nobody is here. */
  snapshot(): Uint8Array | null {
    return this.entries.size > 0 ? encodeEntries([...this.entries.values()], (e) => e.json ?? 'null') : null;
  }
}

function encodeEntries(
  entries: readonly PresenceEntry[],
  json: (entry: PresenceEntry) => string,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, json(entry));
  }
  return encodeAwareness(encoding.toUint8Array(encoder));
}

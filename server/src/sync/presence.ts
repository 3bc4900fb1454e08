import * as encoding from 'lib0/encoding';
import { encodeAwareness } from './messages';

/** One awareness entry as the room relays it: `json` is the state's JSON, `null` when it left. */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  json: string | null;
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
    return this.apply([{ clientId, clock: current.clock + 1, json: null }]);
  }

  /** The merged awareness message of everything that changed since the last call, or `null`. */
  takeChanges(): Uint8Array | null {
    if (this.pending.size === 0) return null;
    const message = encodeEntries([...this.pending.values()]);
    this.pending.clear();
    return message;
  }

  /** Every present state, for a peer that just arrived; `null` when nobody is here. */
  snapshot(): Uint8Array | null {
    return this.entries.size > 0 ? encodeEntries([...this.entries.values()]) : null;
  }
}

function encodeEntries(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json ?? 'null');
  }
  return encodeAwareness(encoding.toUint8Array(encoder));
}

/**
 * Which note is drawn above which, as small integers for CSS `z-index`.
 *
 * A note's place in the stack is its (z, createdAt, id) in the document, z being the time it
 * was last moved. Sorting the DOM by that order made every remote move re-order the note
 * layer (1,000 children reconciled and a DOM node re-inserted per frame in a busy room), so
 * the DOM keeps a stable order and each note gets a layer number instead. Layers leave gaps:
 * a note brought to the top takes the next gap above; one landing between two others (a move
 * that arrives late, or two in the same millisecond) takes the middle of the gap between
 * them, and when that gap is used up the notes above it move up by a gap. A move re-renders
 * the notes it passes, never the whole board.
 */

export interface StackKey {
  id: string;
  z: number;
  createdAt: number;
}

/** Room between two neighbours after a renumbering: ten late arrivals in a row before the next. */
const GAP = 1024;
/** More changed notes than this in one update are numbered afresh with the rest (see update). */
const BULK = 64;
/** CSS z-index is a 32-bit integer; states drawn above every note (hover, editing, dragging) use the values above. */
export const MAX_LAYER = 2_000_000_000;

function above(a: StackKey, b: StackKey): boolean {
  if (a.z !== b.z) return a.z > b.z;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

export class Stacking {
  private readonly keys = new Map<string, StackKey>();
  private readonly layers = new Map<string, number>();
  private top: string | null = null;

  /** `gap` and `maxLayer` are parameters only so that tests can reach the limits. */
  constructor(
    private readonly gap = GAP,
    private readonly maxLayer = MAX_LAYER,
  ) {}

  layer(id: string): number {
    return this.layers.get(id) ?? 0;
  }

  /**
   * Places changed notes and forgets removed ones. Returns the ids whose layer changed, or
   * `'all'` when the stack was renumbered (many notes changed at once, or the layers reached
   * their limit).
   */
  update(changed: Iterable<StackKey>, removed: Iterable<string> = []): Set<string> | 'all' {
    const moved = new Set<string>();
    let renumber = false;
    for (const id of removed) this.forget(id);
    const fresh = [...changed].filter((key) => {
      const known = this.keys.get(key.id);
      return !known || known.z !== key.z || known.createdAt !== key.createdAt;
    });
    // Many at once (a first sync, a reconnect): one sort beats placing each, which scans the stack.
    if (fresh.length > BULK) {
      for (const key of fresh) this.keys.set(key.id, key);
      this.renumber();
      return 'all';
    }
    for (const key of fresh) {
      if (renumber) {
        this.keys.set(key.id, key);
        continue;
      }
      const placed = this.place(key);
      if (placed === 'all') renumber = true;
      else for (const id of placed) moved.add(id);
    }
    if (!renumber) return moved;
    this.renumber();
    return 'all';
  }

  /** Numbers every note afresh, bottom to top (the first load, or when the layers reach their limit). */
  renumber(keys: Iterable<StackKey> = [...this.keys.values()]): void {
    const sorted = [...keys].sort((a, b) => (above(a, b) ? 1 : above(b, a) ? -1 : 0));
    this.keys.clear();
    this.layers.clear();
    sorted.forEach((key, index) => {
      this.keys.set(key.id, key);
      this.layers.set(key.id, (index + 1) * this.gap);
    });
    this.top = sorted.at(-1)?.id ?? null;
  }

  private forget(id: string): void {
    this.keys.delete(id);
    this.layers.delete(id);
    if (this.top === id) this.top = this.highest();
  }

  private place(key: StackKey): 'all' | string[] {
    this.forget(key.id);
    const topKey = this.top === null ? undefined : this.keys.get(this.top);
    if (!topKey || above(key, topKey)) {
      const layer = (topKey ? this.layer(topKey.id) : 0) + this.gap;
      if (layer > this.maxLayer) return this.noRoom(key);
      this.set(key, layer);
      this.top = key.id;
      return [key.id];
    }
    // Between two notes: the closest layer below and above it in the stack order.
    let below = 0;
    let over = Number.POSITIVE_INFINITY;
    const higher: string[] = [];
    for (const other of this.keys.values()) {
      const layer = this.layer(other.id);
      if (above(key, other)) below = Math.max(below, layer);
      else {
        over = Math.min(over, layer);
        higher.push(other.id);
      }
    }
    if (over - below >= 2) {
      this.set(key, Math.floor((below + over) / 2));
      return [key.id];
    }
    // No room left: lift everything above by a gap.
    if (this.layer(this.top ?? '') + this.gap > this.maxLayer) return this.noRoom(key);
    for (const id of higher) this.layers.set(id, this.layer(id) + this.gap);
    this.set(key, below + Math.floor(this.gap / 2));
    return [key.id, ...higher];
  }

  /** Keeps the note without a layer: the caller renumbers the stack. */
  private noRoom(key: StackKey): 'all' {
    this.keys.set(key.id, key);
    return 'all';
  }

  private set(key: StackKey, layer: number): void {
    this.keys.set(key.id, key);
    this.layers.set(key.id, layer);
  }

  private highest(): string | null {
    let best: StackKey | null = null;
    for (const key of this.keys.values()) if (!best || above(key, best)) best = key;
    return best?.id ?? null;
  }
}

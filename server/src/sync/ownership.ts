import {
  type NoteEditing,
  parseBinEntry,
  WRITE_DENIED_REASONS,
  type WriteDeniedReason,
} from '@atelier/shared';
import { BOARD_ROOTS, NOTE_FIELDS } from '@atelier/shared/layout';
import * as Y from 'yjs';

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its parents as AbstractType<any> (maps, texts…).
type Shared = Y.AbstractType<any>;

/**
 * Note fields anyone may change on anyone's note, even in `own` mode: where it lies (sorting
 * together is the point of steps 1–2). Everything else — text, theme, author, the note itself —
 * is its author's (and the facilitators').
 */
const SHARED_FIELDS: ReadonlySet<string> = new Set([
  NOTE_FIELDS.pos,
  NOTE_FIELDS.z,
  NOTE_FIELDS.cluster,
  NOTE_FIELDS.order,
]);

/** Where a struct of the update goes: a type of the room's document, a root not yet there, or a type the update creates. */
type Target =
  | { kind: 'type'; type: Shared; sub: string | null }
  | { kind: 'root'; key: string; sub: string | null }
  | { kind: 'new' }
  /** Garbage-collected or deleted surroundings: Yjs drops the struct, so it changes nothing. */
  | { kind: 'void' }
  /** Hangs on something neither the room nor the update has: no honest client sends that. */
  | { kind: 'unknown' };

/**
 * Why a participant's (V1) board update may not be applied under the note rules, or `null`.
 * In `own` mode it may not change the text, theme or other content of a note whose author is
 * someone else, nor delete (bin) or replace such a note; moving it (position, stacking, issue,
 * order) is fine. In both modes the bin only grows: removing an entry is the facilitators'
 * (`facilitator-only`), except the participant's own undo, which removes an entry they made
 * and puts the same note back in the same update; and an entry must name its sender as deleter.
 * Reads the update's structs and delete set against the room's document, never copying it.
 * Throws on a malformed update, like `Y.decodeUpdate`.
 */
export function noteWriteDenial(
  doc: Y.Doc,
  update: Uint8Array,
  participantId: string,
  mode: NoteEditing,
): WriteDeniedReason | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const own = mode === 'own';
  const notes = doc.getMap(BOARD_ROOTS.notes);
  const bin = doc.getMap(BOARD_ROOTS.bin);
  const inUpdate = indexStructs(structs);
  const targets = new Map<Y.Item, Target>();

  const known = (id: Y.ID): Y.Item | Y.GC | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    return Y.getItem(doc.store, id) as Y.Item | Y.GC;
  };
  const resolve = (struct: Y.Item): Target => {
    const cached = targets.get(struct);
    if (cached) return cached;
    const target = resolveUncached(struct);
    targets.set(struct, target);
    return target;
  };
  const fromNeighbour = (id: Y.ID): Target | null => {
    const sibling = inUpdate(id);
    if (sibling) return sibling instanceof Y.Item ? resolve(sibling) : { kind: 'void' };
    const item = known(id);
    if (item === null) return null;
    if (!(item instanceof Y.Item)) return { kind: 'void' };
    return { kind: 'type', type: item.parent as Shared, sub: item.parentSub };
  };
  const resolveUncached = (struct: Y.Item): Target => {
    const parent: unknown = struct.parent;
    if (typeof parent === 'string') return { kind: 'root', key: parent, sub: struct.parentSub };
    if (parent instanceof Y.ID) {
      if (inUpdate(parent)) return { kind: 'new' };
      const item = known(parent);
      if (item === null) return UNKNOWN;
      if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentType)) return { kind: 'void' };
      return { kind: 'type', type: item.content.type, sub: struct.parentSub };
    }
    // Sequence neighbours and later values of a key name only their origins.
    const origin = struct.origin ? fromNeighbour(struct.origin) : null;
    const right = origin === null && struct.rightOrigin ? fromNeighbour(struct.rightOrigin) : null;
    return origin ?? right ?? UNKNOWN;
  };
  /** A note's `Y.Map` when `type` is one (not deleted), with its author. */
  const noteOf = (type: Shared): { author: unknown } | null => {
    const item = type._item;
    if (item === null || item.deleted || item.parent !== notes || !(type instanceof Y.Map)) return null;
    return { author: type.get(NOTE_FIELDS.author) };
  };
  const notMine = (note: { author: unknown } | null) => own && note !== null && note.author !== participantId;

  /** What a change at `target` (a new value or a removal) touches. */
  const check = (target: Target, removal: Y.Item | null): WriteDeniedReason | null => {
    if (target.kind === 'new' || target.kind === 'void' || target.kind === 'unknown') return null;
    if (target.sub !== null && isRoot(target, BOARD_ROOTS.notes, notes)) {
      // A note removed, or replaced by a new value of its key.
      const existing =
        removal?.content instanceof Y.ContentType ? removal.content.type : notes.get(target.sub);
      return existing instanceof Y.Map && notMine(noteOf(existing)) ? WRITE_DENIED_REASONS.notYours : null;
    }
    if (target.sub !== null && isRoot(target, BOARD_ROOTS.bin, bin)) {
      if (removal === null) {
        return bin.has(target.sub) ? WRITE_DENIED_REASONS.facilitatorOnly : null;
      }
      return ownUndo(removal, target.sub) ? null : WRITE_DENIED_REASONS.facilitatorOnly;
    }
    if (target.kind !== 'type' || !own) return null;
    const note = noteOf(target.type);
    if (note !== null) return target.sub !== null && SHARED_FIELDS.has(target.sub) ? null : check1(note);
    // Inside a note's text (its `Y.Text` is a field of the note's map).
    const parent = target.type._item?.parent;
    return parent instanceof Y.AbstractType ? check1(noteOf(parent as Shared)) : null;
  };
  const check1 = (note: { author: unknown } | null) => (notMine(note) ? WRITE_DENIED_REASONS.notYours : null);

  /** A bin entry removed by the participant who binned it, with its note put back in the same update. */
  const ownUndo = (entry: Y.Item, id: string): boolean => {
    const value = entry.content instanceof Y.ContentAny ? entry.content.getContent()[0] : null;
    if (parseBinEntry(value)?.deletedBy !== participantId) return false;
    return structs.some((s) => {
      if (!(s instanceof Y.Item)) return false;
      const target = resolve(s);
      return isRoot(target, BOARD_ROOTS.notes, notes) && target.sub === id;
    });
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const target = resolve(struct);
    if (target.kind === 'unknown') return WRITE_DENIED_REASONS.notYours;
    if (isRoot(target, BOARD_ROOTS.bin, bin) && target.sub !== null) {
      const value = struct.content instanceof Y.ContentAny ? struct.content.getContent()[0] : null;
      if (parseBinEntry(value)?.deletedBy !== participantId) return WRITE_DENIED_REASONS.notYours;
    }
    const denied = check(target, null);
    if (denied) return denied;
  }
  for (const [client, ranges] of ds.clients) {
    const store = doc.store.clients.get(client) ?? [];
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // Deleting what the room has never seen: only this update's own new content may be.
      if (end > state && !coveredByUpdate(inUpdate, client, Math.max(clock, state), end))
        return WRITE_DENIED_REASONS.notYours;
      if (clock >= state) continue;
      for (let i = Y.findIndexSS(store, clock); i < store.length && store[i]!.id.clock < end; i++) {
        const item = store[i];
        if (!(item instanceof Y.Item) || item.deleted) continue;
        const type = item.parent as Shared;
        const denied = check({ kind: 'type', type, sub: item.parentSub }, item);
        if (denied) return denied;
      }
    }
  }
  return null;
}

const UNKNOWN: Target = { kind: 'unknown' };

/** Whether a target is the entries of root `name` (named by key, or the room's own root type). */
function isRoot(
  target: Target,
  name: string,
  root: Y.Map<unknown>,
): target is Extract<Target, { kind: 'root' | 'type' }> {
  if (target.kind === 'root') return target.key === name;
  return target.kind === 'type' && target.type === root;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** Finds the struct of the update holding an id (structs come sorted by client, then clock). */
function indexStructs(structs: readonly Struct[]): (id: Y.ID) => Struct | null {
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  return (id) => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
}

/** Whether every clock in [from, to) of `client` is a struct of the update. */
function coveredByUpdate(
  find: (id: Y.ID) => Struct | null,
  client: number,
  from: number,
  to: number,
): boolean {
  for (let clock = from; clock < to; ) {
    const struct = find(Y.createID(client, clock));
    if (struct === null) return false;
    clock = struct.id.clock + struct.length;
  }
  return true;
}

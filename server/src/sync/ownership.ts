import {
  type NoteEditing,
  parseBinEntry,
  WRITE_DENIED_REASONS,
  type WriteDeniedReason,
} from '@atelier/shared';
import { BOARD_ROOTS, NOTE_FIELDS } from '@atelier/shared/layout';
import * as Y from 'yjs';
import { isRoot, type Shared, type Target, type UpdateView, viewOf } from './update-targets';

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
  update: Uint8Array | UpdateView,
  participantId: string,
  mode: NoteEditing,
): WriteDeniedReason | null {
  const view = viewOf(doc, update);
  const { structs, resolve } = view;
  const own = mode === 'own';
  const notes = doc.getMap(BOARD_ROOTS.notes);
  const bin = doc.getMap(BOARD_ROOTS.bin);

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
  const deleted = view.deletedItems();
  if (deleted === null) return WRITE_DENIED_REASONS.notYours;
  for (const item of deleted) {
    const denied = check({ kind: 'type', type: item.parent as Shared, sub: item.parentSub }, item);
    if (denied) return denied;
  }
  return null;
}

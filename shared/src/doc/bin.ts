import type * as Y from 'yjs';
import { clustersMap } from './clusters';
import { BOARD_ROOTS } from './layout';
import { type Note, noteMap, notesMap, readNote } from './notes';
import { LOCAL_ORIGIN } from './origins';

/**
 * The bin: deleted notes leave the board's `notes` root for a root of their own, so that every
 * reader of notes (issues, votes, stacking, exports) leaves them out without knowing of it,
 * and the facilitator can put them back. An entry is a plain value, written once: nobody edits
 * a binned note, and the server can tell an addition (anyone's) from a removal (facilitators').
 */
export interface BinEntry {
  /** The note as it was when deleted (its text as a string). */
  note: Note;
  /** Participant id of who deleted it. */
  deletedBy: string;
  /** Epoch milliseconds. */
  deletedAt: number;
}

export function binMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOTS.bin);
}

/** A bin entry's stored value read back; `null` when it is not a well-formed entry. */
export function parseBinEntry(value: unknown): BinEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { note, deletedBy, deletedAt } = value as Record<string, unknown>;
  if (typeof deletedBy !== 'string' || typeof deletedAt !== 'number') return null;
  if (typeof note !== 'object' || note === null) return null;
  const n = note as Record<string, unknown>;
  if (typeof n.id !== 'string' || typeof n.text !== 'string') return null;
  if (typeof n.x !== 'number' || typeof n.y !== 'number') return null;
  return {
    note: {
      id: n.id,
      text: n.text,
      x: n.x,
      y: n.y,
      theme: typeof n.theme === 'string' ? n.theme : null,
      author: typeof n.author === 'string' ? n.author : '',
      createdAt: typeof n.createdAt === 'number' ? n.createdAt : 0,
      z: typeof n.z === 'number' ? n.z : 0,
      cluster: typeof n.cluster === 'string' ? n.cluster : null,
      order: typeof n.order === 'string' ? n.order : '',
      table: typeof n.table === 'string' && n.table !== '' ? n.table : null,
    },
    deletedBy,
    deletedAt,
  };
}

/** The bin's well-formed entries, the latest deleted first. */
export function readBin(doc: Y.Doc): BinEntry[] {
  const out: BinEntry[] = [];
  for (const value of binMap(doc).values()) {
    const entry = parseBinEntry(value);
    if (entry) out.push(entry);
  }
  return out.sort((a, b) => b.deletedAt - a.deletedAt || (a.note.id < b.note.id ? -1 : 1));
}

/**
 * Deletes a note from the board into the bin, with who and when, in one transaction (so the
 * deleter's Ctrl+Z puts it back). Returns false when there is no such note.
 */
export function binNote(doc: Y.Doc, id: string, deletedBy: string, now = Date.now()): boolean {
  const map = notesMap(doc).get(id);
  const note = map ? readNote(map) : null;
  if (!note) return false;
  const entry: BinEntry = { note, deletedBy, deletedAt: now };
  doc.transact(() => {
    notesMap(doc).delete(id);
    binMap(doc).set(id, entry);
  }, LOCAL_ORIGIN);
  return true;
}

/**
 * Facilitator command: puts a binned note back where it was, with its id, text, theme and
 * author, into its issue if that still exists (else unsorted). A note of that id already on
 * the board (its deleter undid the deletion meanwhile) is kept; the entry goes either way.
 */
export function restoreNote(doc: Y.Doc, id: string): boolean {
  const entry = parseBinEntry(binMap(doc).get(id));
  if (!entry) return false;
  const { note } = entry;
  const clusterKept = note.cluster !== null && clustersMap(doc).has(note.cluster);
  doc.transact(() => {
    binMap(doc).delete(id);
    if (notesMap(doc).has(id)) return;
    notesMap(doc).set(
      id,
      noteMap({ ...note, cluster: clusterKept ? note.cluster : null, order: clusterKept ? note.order : '' }),
    );
  }, LOCAL_ORIGIN);
  return true;
}

/** Facilitator command: deletes every binned note for good. Returns how many there were. */
export function emptyBin(doc: Y.Doc): number {
  const bin = binMap(doc);
  const ids = [...bin.keys()];
  if (ids.length > 0)
    doc.transact(() => {
      for (const id of ids) bin.delete(id);
    }, LOCAL_ORIGIN);
  return ids.length;
}

/**
 * Server command (erasing a person with their contributions): deletes for good, in one
 * transaction with `origin`, every note `author` wrote, on the board and in the bin. Returns
 * how many went. Drafts are a room of their own, deleted whole.
 */
export function removeAuthorNotes(doc: Y.Doc, author: string, origin: unknown): number {
  const notes = notesMap(doc);
  const bin = binMap(doc);
  const onBoard = [...notes.entries()]
    .filter(([, map]) => readNote(map)?.author === author)
    .map(([id]) => id);
  const binned = [...bin.entries()]
    .filter(([, value]) => parseBinEntry(value)?.note.author === author)
    .map(([id]) => id);
  if (onBoard.length + binned.length > 0)
    doc.transact(() => {
      for (const id of onBoard) notes.delete(id);
      for (const id of binned) bin.delete(id);
    }, origin);
  return onBoard.length + binned.length;
}

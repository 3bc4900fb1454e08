import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { BOARD_ROOTS, NOTE_FIELDS as F, LIMITS } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { ItemTable, readItemTable } from './tableField';
import { replaceText } from './text';

/** A note as the rest of the app sees it: a plain, immutable snapshot of its `Y.Map`. */
export interface Note {
  id: string;
  text: string;
  x: number;
  y: number;
  theme: string | null;
  author: string;
  createdAt: number;
  z: number;
  cluster: string | null;
  order: string;
  /** The table it was written at during a table round, `null` in plenary (see tables.ts). */
  table: string | null;
}

/** What a new note's map is made from: a note, its table optional (`null` when left out). */
export type NoteInit = Omit<Note, 'table'> & { table?: string | null | undefined };

export interface Point {
  x: number;
  y: number;
}

/** The notes root of a board document. */
export function notesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.notes);
}

/** Reads one note's `Y.Map` into a plain object; `null` when it is not a well-formed note. */
export function readNote(map: Y.Map<unknown>): Note | null {
  const id = map.get(F.id);
  const text = map.get(F.text);
  const pos = map.get(F.pos);
  if (typeof id !== 'string' || !(text instanceof Y.Text) || !isPoint(pos)) return null;
  const theme = map.get(F.theme);
  const author = map.get(F.author);
  const createdAt = map.get(F.createdAt);
  const z = map.get(F.z);
  const cluster = map.get(F.cluster);
  const order = map.get(F.order);
  return {
    id,
    text: text.toString(),
    x: pos.x,
    y: pos.y,
    theme: typeof theme === 'string' ? theme : null,
    author: typeof author === 'string' ? author : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    z: typeof z === 'number' ? z : 0,
    cluster: typeof cluster === 'string' ? cluster : null,
    order: typeof order === 'string' ? order : '',
    table: readItemTable(map),
  };
}

/** All well-formed notes of a board, in no particular order. */
export function readNotes(doc: Y.Doc): Note[] {
  const out: Note[] = [];
  for (const map of notesMap(doc).values()) {
    const note = map instanceof Y.Map ? readNote(map) : null;
    if (note) out.push(note);
  }
  return out;
}

/** The note's `Y.Text`, for editors that bind to it directly. */
export function noteText(doc: Y.Doc, id: string): Y.Text | null {
  const text = notesMap(doc).get(id)?.get(F.text);
  return text instanceof Y.Text ? text : null;
}

export interface AddNoteInput {
  x: number;
  y: number;
  author: string;
  text?: string;
  theme?: string | null;
  /** The writer's table during a table round (the server refuses another table's), `null` in plenary. */
  table?: string | null;
  /** Lets callers (tests, imports) choose the id; a random UUID otherwise. */
  id?: string;
  now?: number;
}

/** Adds a note and returns its id. */
export function addNote(doc: Y.Doc, input: AddNoteInput): string {
  const id = input.id ?? uuidv4();
  const now = input.now ?? Date.now();
  const table = ItemTable.parse(input.table) ?? null;
  const note: Note = {
    id,
    text: clampText(input.text ?? ''),
    ...roundPoint(input),
    theme: input.theme ?? null,
    author: input.author,
    createdAt: now,
    z: now,
    cluster: null,
    order: '',
    table,
  };
  doc.transact(() => notesMap(doc).set(id, noteMap(note)), LOCAL_ORIGIN);
  return id;
}

/** A new note's `Y.Map` holding `note` (to be set in a notes map, in a transaction). */
export function noteMap(note: NoteInit): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(F.id, note.id);
  map.set(F.text, new Y.Text(clampText(note.text)));
  map.set(F.pos, roundPoint(note));
  map.set(F.theme, note.theme);
  map.set(F.author, note.author);
  map.set(F.createdAt, note.createdAt);
  map.set(F.z, note.z);
  map.set(F.cluster, note.cluster);
  map.set(F.order, note.order);
  map.set(F.table, note.table ?? null);
  return map;
}

/** Replaces a note's text with the smallest edit, so concurrent typing elsewhere is kept. */
export function setNoteText(doc: Y.Doc, id: string, text: string): boolean {
  return withNote(doc, id, (map) => {
    const ytext = map.get(F.text);
    if (ytext instanceof Y.Text) replaceText(ytext, clampText(text));
  });
}

/** Moves a note to a board position and brings it to the top. */
export function moveNote(doc: Y.Doc, id: string, to: Point, now = Date.now()): boolean {
  return withNote(doc, id, (map) => {
    map.set(F.pos, roundPoint(to));
    map.set(F.z, now);
  });
}

/** Sets a note's theme (which gives it its colour); `null` clears it. */
export function setNoteTheme(doc: Y.Doc, id: string, theme: string | null): boolean {
  return withNote(doc, id, (map) => {
    if (map.get(F.theme) !== theme) map.set(F.theme, theme);
  });
}

export function deleteNote(doc: Y.Doc, id: string): boolean {
  return withNote(doc, id, () => {
    notesMap(doc).delete(id);
  });
}

function withNote(doc: Y.Doc, id: string, fn: (map: Y.Map<unknown>) => void): boolean {
  const map = notesMap(doc).get(id);
  if (!(map instanceof Y.Map)) return false;
  doc.transact(() => fn(map), LOCAL_ORIGIN);
  return true;
}

function isPoint(value: unknown): value is Point {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y);
}

/** Whole board units keep updates small; non-finite input becomes 0 rather than poisoning the doc. */
function roundPoint(p: Point): Point {
  return { x: Number.isFinite(p.x) ? Math.round(p.x) : 0, y: Number.isFinite(p.y) ? Math.round(p.y) : 0 };
}

function clampText(text: string): string {
  return text.length > LIMITS.noteText ? text.slice(0, LIMITS.noteText) : text;
}

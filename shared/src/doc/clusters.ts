import { generateNKeysBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_ROOTS, NOTE_FIELDS } from './layout';
import { notesMap, type Point, readNotes } from './notes';
import { insertionKeys, type Keyed, placeIndex } from './order';
import { LOCAL_ORIGIN } from './origins';
import { fromTableKey, ItemTable, readFromTables, readItemTable } from './tableField';
import { replaceText } from './text';

/**
 * Step 2 (priority issues): notes sorted into clusters, each cluster an *issue* (French:
 * enjeu) with a title and a description, ranked by an `order` key (fractional index, so
 * two people reordering at once never duplicate an issue). A note's `cluster` and `order`
 * say where it sits; a cluster keeps no list of its notes. A note whose `cluster` names an
 * issue that no longer exists (someone merged or dissolved it while another person sorted
 * the note into it) is on the board, like an unsorted note.
 */

/** Field names of a cluster's `Y.Map`. */
const C = {
  id: 'id',
  /** `Y.Text`: collaborative. */
  title: 'title',
  /** `Y.Text`: collaborative. */
  description: 'description',
  /** `{ x, y }` in board units: where the cluster is drawn on the board. */
  pos: 'pos',
  order: 'order',
  /** Strategic axis (step 3) the issue is attached to, or `null`. */
  axis: 'axis',
  /** The table it was made at during a table round, or `null` (plenary). */
  table: 'table',
} as const;
export const CLUSTER_FIELDS = C;

export const ClusterTitle = z.string().trim().min(1, 'An issue needs a title').max(120);
export const ClusterDescription = z.string().max(2000);
/** The prose fields of an issue, each a `Y.Text`. */
export const ClusterTextField = z.enum(['title', 'description']);
export type ClusterTextField = z.infer<typeof ClusterTextField>;

const Id = z.string().min(1, 'An id cannot be empty').max(200);
const BoardPoint = z.object({ x: z.number().finite(), y: z.number().finite() });
/** Most notes one issue can be created with at once (a whole board's worth). */
const MAX_NOTES_AT_ONCE = 5000;

const CreateClusterInput = z.object({
  title: ClusterTitle,
  description: ClusterDescription.optional(),
  x: z.number().finite(),
  y: z.number().finite(),
  /** Notes sorted into the new issue, in this order, in the same transaction. */
  notes: z
    .array(Id)
    .max(MAX_NOTES_AT_ONCE)
    .refine((ids) => new Set(ids).size === ids.length, 'A note is listed twice')
    .optional(),
  /** The writer's table during a table round, `null` (or left out) in plenary. */
  table: ItemTable,
});

/**
 * Where a note goes. Into an issue: `before` another note of that issue (its end when
 * absent or `null`). Back onto the board: `at` a board point (where it was when absent).
 */
export const NotePlace = z.object({ before: Id.nullable().optional(), at: BoardPoint.optional() }).strict();
export type NotePlace = z.infer<typeof NotePlace>;

/** An issue without its notes: what the issues list reads (the notes come from the notes root). */
export interface ClusterHead {
  id: string;
  title: string;
  description: string;
  x: number;
  y: number;
  order: string;
  axis: string | null;
  /** The table it was made at during a table round, `null` in plenary. */
  table: string | null;
  /**
   * Every table whose work was merged into it (its own table and the merged issues' tables and
   * provenance), sorted; empty when it was never merged with another table's issue.
   */
  fromTables: string[];
}

/** What a new issue's map is made from: its table and provenance optional. */
export type ClusterInit = Omit<ClusterHead, 'table' | 'fromTables'> & {
  table?: string | null | undefined;
  fromTables?: readonly string[] | undefined;
};

export interface Cluster extends ClusterHead {
  /** Ids of its notes, in their order inside the cluster. */
  noteIds: string[];
}

export function clustersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.clusters);
}

function clusterMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = clustersMap(doc).get(Id.parse(id));
  if (!(map instanceof Y.Map)) throw new Error(`No cluster ${id}`);
  return map;
}

function textOf(map: Y.Map<unknown>, field: string): Y.Text {
  const text = map.get(field);
  if (!(text instanceof Y.Text)) throw new Error(`Cluster field ${field} is not text`);
  return text;
}

/** An issue's title or description `Y.Text`, for fields that bind to it; `null` when there is none. */
export function clusterText(doc: Y.Doc, id: string, field: ClusterTextField): Y.Text | null {
  const text = clustersMap(doc).get(id)?.get(C[ClusterTextField.parse(field)]);
  return text instanceof Y.Text ? text : null;
}

/** Ranking order: by key, ties (two people appending at the same instant) broken by id, the same on every replica. */
function byOrder(a: Keyed, b: Keyed): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The issues of a board, ranked, without their notes; malformed entries are skipped. */
export function readClusterList(doc: Y.Doc): ClusterHead[] {
  const out: ClusterHead[] = [];
  for (const map of clustersMap(doc).values()) {
    if (!(map instanceof Y.Map)) continue;
    const id = map.get(C.id);
    const title = map.get(C.title);
    const description = map.get(C.description);
    const pos = map.get(C.pos) as Partial<Point> | undefined;
    const order = map.get(C.order);
    if (typeof id !== 'string' || !(title instanceof Y.Text) || typeof order !== 'string') continue;
    const axis = map.get(C.axis);
    out.push({
      id,
      title: title.toString(),
      description: description instanceof Y.Text ? description.toString() : '',
      x: typeof pos?.x === 'number' ? pos.x : 0,
      y: typeof pos?.y === 'number' ? pos.y : 0,
      order,
      axis: typeof axis === 'string' ? axis : null,
      table: readItemTable(map),
      fromTables: readFromTables(map),
    });
  }
  return out.sort(byOrder);
}

/** The issues of a board, ranked, each with its notes in order; malformed entries are skipped. */
export function readClusters(doc: Y.Doc): Cluster[] {
  const notes = readNotes(doc).sort(byOrder);
  return readClusterList(doc).map((head) => ({
    ...head,
    noteIds: notes.filter((n) => n.cluster === head.id).map((n) => n.id),
  }));
}

/** Keys for `added` after every item of `sorted` (renumbering all of them when the last key is malformed). */
function appendKeys(
  sorted: readonly Keyed[],
  added: readonly Keyed[],
): { keys: [string, string][]; rekeyed: [string, string][] } {
  const last = sorted.at(-1)?.order ?? null;
  let fresh: string[];
  let rekeyed: [string, string][] = [];
  try {
    fresh = generateNKeysBetween(last, null, added.length);
  } catch {
    const all = generateNKeysBetween(null, null, sorted.length + added.length);
    rekeyed = sorted.map((item, i) => [item.id, all[i] as string]);
    fresh = all.slice(sorted.length);
  }
  return { keys: added.map((item, i) => [item.id, fresh[i] as string]), rekeyed };
}

/**
 * A new issue's `Y.Map` holding `issue` (to be set in the clusters root, in a transaction); its
 * notes say they are in it themselves (their `cluster` and `order`).
 */
export function newClusterMap(issue: ClusterInit): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(C.id, issue.id);
  map.set(C.title, new Y.Text(issue.title));
  map.set(C.description, new Y.Text(issue.description));
  map.set(C.pos, { x: Math.round(issue.x), y: Math.round(issue.y) });
  map.set(C.order, issue.order);
  map.set(C.axis, issue.axis);
  map.set(C.table, issue.table ?? null);
  for (const table of issue.fromTables ?? []) map.set(fromTableKey(table), true);
  return map;
}

/** Creates an issue at the end of the ranking, with `notes` sorted into it; throws (zod) on an empty or too long title or an unknown note. */
export function createCluster(
  doc: Y.Doc,
  input: {
    title: string;
    description?: string;
    x: number;
    y: number;
    notes?: string[];
    table?: string | null;
  },
  id: string = uuidv4(),
): string {
  const parsed = CreateClusterInput.parse(input);
  Id.parse(id);
  if (clustersMap(doc).has(id)) throw new Error(`Cluster ${id} already exists`);
  const noteMaps = (parsed.notes ?? []).map((noteId) => {
    const note = notesMap(doc).get(noteId);
    if (!(note instanceof Y.Map)) throw new Error(`No note ${noteId}`);
    return note;
  });
  const clusters = readClusterList(doc);
  doc.transact(() => {
    clustersMap(doc).set(
      id,
      newClusterMap({
        id,
        title: parsed.title,
        description: parsed.description ?? '',
        x: parsed.x,
        y: parsed.y,
        order: insertionKeys(clusters, clusters.length).key,
        axis: null,
        table: parsed.table ?? null,
      }),
    );
    const keys = generateNKeysBetween(null, null, noteMaps.length);
    noteMaps.forEach((note, i) => {
      note.set(NOTE_FIELDS.cluster, id);
      note.set(NOTE_FIELDS.order, keys[i] as string);
    });
  }, LOCAL_ORIGIN);
  return id;
}

export function renameCluster(doc: Y.Doc, id: string, title: string): void {
  const next = ClusterTitle.parse(title);
  const map = clusterMap(doc, id);
  doc.transact(() => replaceText(textOf(map, C.title), next), LOCAL_ORIGIN);
}

export function describeCluster(doc: Y.Doc, id: string, description: string): void {
  const next = ClusterDescription.parse(description);
  const map = clusterMap(doc, id);
  doc.transact(() => replaceText(textOf(map, C.description), next), LOCAL_ORIGIN);
}

export function moveCluster(doc: Y.Doc, id: string, to: Point): void {
  const point = BoardPoint.parse(to);
  const map = clusterMap(doc, id);
  doc.transact(() => map.set(C.pos, { x: Math.round(point.x), y: Math.round(point.y) }), LOCAL_ORIGIN);
}

/** The notes sorted into `cluster`, in order, leaving out `except`. */
function clusterNotes(doc: Y.Doc, cluster: string, except?: string): Keyed[] {
  return readNotes(doc)
    .filter((n) => n.cluster === cluster && n.id !== except)
    .sort(byOrder);
}

/** Writes a note's new place inside `cluster` (`before` a note of it, or at its end), re-keying neighbours if needed. */
function placeInCluster(
  doc: Y.Doc,
  note: Y.Map<unknown>,
  noteId: string,
  cluster: string,
  before: string | null,
) {
  const others = clusterNotes(doc, cluster, noteId);
  const index = before === null ? others.length : others.findIndex((n) => n.id === before);
  if (index === -1) throw new Error(`Note ${before} is not in cluster ${cluster}`);
  const { key, rekeyed } = insertionKeys(others, index);
  return () => {
    for (const [id, order] of rekeyed) notesMap(doc).get(id)?.set(NOTE_FIELDS.order, order);
    note.set(NOTE_FIELDS.cluster, cluster);
    note.set(NOTE_FIELDS.order, key);
  };
}

/**
 * Sorts a note into an issue (at its end, or `before` one of its notes), or back onto the
 * board (`null`, optionally `at` a board point). Throws, changing nothing, on an unknown
 * note or issue, a `before` that is not in that issue (or is the note itself), or an `at`
 * for a note going into an issue.
 */
export function assignNote(doc: Y.Doc, noteId: string, cluster: string | null, place: NotePlace = {}): void {
  const { before = null, at } = NotePlace.parse(place);
  Id.parse(noteId);
  const note = notesMap(doc).get(noteId);
  if (!(note instanceof Y.Map)) throw new Error(`No note ${noteId}`);
  if (cluster === null) {
    if (before !== null) throw new Error('A note going back to the board has no place in an issue');
    doc.transact(() => {
      note.set(NOTE_FIELDS.cluster, null);
      note.set(NOTE_FIELDS.order, '');
      if (at) note.set(NOTE_FIELDS.pos, { x: Math.round(at.x), y: Math.round(at.y) });
    }, LOCAL_ORIGIN);
    return;
  }
  clusterMap(doc, cluster);
  if (at) throw new Error('A note sorted into an issue has no board position to set');
  if (before === noteId) throw new Error('A note cannot be placed before itself');
  const write = placeInCluster(doc, note, noteId, cluster, before);
  doc.transact(write, LOCAL_ORIGIN);
}

/**
 * Moves an issue in the ranking: right after `after`, or when `after` is `null` right before
 * `before` (the end when both are `null`). `before`, when given with `after`, must rank
 * below it. Concurrent moves never duplicate an issue (its rank is one key); two people
 * dropping issues into the same gap at once get the same key, and ties read by id.
 */
export function rankCluster(doc: Y.Doc, id: string, after: string | null, before: string | null): void {
  const map = clusterMap(doc, id);
  for (const other of [after, before]) if (other !== null) clusterMap(doc, other);
  const others = readClusterList(doc).filter((c) => c.id !== id);
  const { key, rekeyed } = insertionKeys(others, placeIndex(others, id, after, before));
  doc.transact(() => {
    for (const [other, order] of rekeyed) clustersMap(doc).get(other)?.set(C.order, order);
    map.set(C.order, key);
  }, LOCAL_ORIGIN);
}

/**
 * Merges issue `from` into `into`: its notes follow `into`'s, its title and description are
 * appended to `into`'s description, and `from` is removed. Nothing written is lost: when the
 * joined description would pass its limit the merge is refused (shorten one first). Provenance
 * is kept: `into` remembers both issues' tables and the tables they were merged from
 * (`fromTables`), one key per table, so concurrent merges into it keep the union.
 */
export function mergeClusters(doc: Y.Doc, from: string, into: string): void {
  const source = clusterMap(doc, from);
  const target = clusterMap(doc, into);
  if (from === into) return;
  const extra = textOf(source, C.description).toString().trim();
  const title = textOf(source, C.title).toString();
  const description = textOf(target, C.description);
  const joined = [description.toString().trim(), `${title}${extra ? ` — ${extra}` : ''}`]
    .filter((part) => part !== '')
    .join('\n');
  if (!ClusterDescription.safeParse(joined).success) {
    throw new Error('The merged description would be too long: shorten one of the descriptions first');
  }
  const { keys, rekeyed } = appendKeys(clusterNotes(doc, into), clusterNotes(doc, from));
  const provenance = new Set<string>();
  for (const map of [source, target]) {
    const table = readItemTable(map);
    if (table !== null) provenance.add(table);
    for (const t of readFromTables(map)) provenance.add(t);
  }
  doc.transact(() => {
    for (const table of provenance)
      if (target.get(fromTableKey(table)) !== true) target.set(fromTableKey(table), true);
    for (const [id, order] of rekeyed) notesMap(doc).get(id)?.set(NOTE_FIELDS.order, order);
    for (const [id, order] of keys) {
      const note = notesMap(doc).get(id);
      note?.set(NOTE_FIELDS.cluster, into);
      note?.set(NOTE_FIELDS.order, order);
    }
    replaceText(description, joined);
    clustersMap(doc).delete(from);
  }, LOCAL_ORIGIN);
}

/** Dissolves an issue: its notes go back to the board where they are, and the issue is removed. */
export function dissolveCluster(doc: Y.Doc, id: string): void {
  clusterMap(doc, id);
  doc.transact(() => {
    for (const note of notesMap(doc).values()) {
      if (note.get(NOTE_FIELDS.cluster) !== id) continue;
      note.set(NOTE_FIELDS.cluster, null);
      note.set(NOTE_FIELDS.order, '');
    }
    clustersMap(doc).delete(id);
  }, LOCAL_ORIGIN);
}

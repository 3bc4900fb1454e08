import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_ROOTS, NOTE_FIELDS } from './layout';
import { notesMap, type Point, readNotes } from './notes';
import { LOCAL_ORIGIN } from './origins';
import { replaceText } from './text';

/**
 * Step 2 (priority issues): notes sorted into clusters, each cluster an *issue* (French:
 * enjeu) with a title and a description, ranked by an `order` key (fractional index, so
 * two people reordering at once never duplicate an issue). A note's `cluster` and `order`
 * say where it sits; a cluster keeps no list of its notes.
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
} as const;
export const CLUSTER_FIELDS = C;

export const ClusterTitle = z.string().trim().min(1).max(120);
export const ClusterDescription = z.string().max(2000);

export interface Cluster {
  id: string;
  title: string;
  description: string;
  x: number;
  y: number;
  order: string;
  axis: string | null;
  /** Ids of its notes, in their order inside the cluster. */
  noteIds: string[];
}

export function clustersMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.clusters);
}

function clusterMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = clustersMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No cluster ${id}`);
  return map;
}

function textOf(map: Y.Map<unknown>, field: string): Y.Text {
  const text = map.get(field);
  if (!(text instanceof Y.Text)) throw new Error(`Cluster field ${field} is not text`);
  return text;
}

/** The issues of a board, ranked, each with its notes in order; malformed entries are skipped. */
export function readClusters(doc: Y.Doc): Cluster[] {
  const notes = readNotes(doc).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const out: Cluster[] = [];
  for (const map of clustersMap(doc).values()) {
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
      noteIds: notes.filter((n) => n.cluster === id).map((n) => n.id),
    });
  }
  return out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

function lastOrder(orders: Iterable<string>): string | null {
  let last: string | null = null;
  for (const order of orders) if (last === null || order > last) last = order;
  return last;
}

/** Creates an issue at the end of the ranking; throws (zod) on an empty or too long title. */
export function createCluster(
  doc: Y.Doc,
  input: { title: string; description?: string; x: number; y: number },
  id: string = uuidv4(),
): string {
  const title = ClusterTitle.parse(input.title);
  const description = ClusterDescription.parse(input.description ?? '');
  const orders = [...clustersMap(doc).values()]
    .map((m) => m.get(C.order))
    .filter((o) => typeof o === 'string');
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set(C.id, id);
    map.set(C.title, new Y.Text(title));
    map.set(C.description, new Y.Text(description));
    map.set(C.pos, { x: Math.round(input.x), y: Math.round(input.y) });
    map.set(C.order, generateKeyBetween(lastOrder(orders as string[]), null));
    map.set(C.axis, null);
    clustersMap(doc).set(id, map);
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
  const map = clusterMap(doc, id);
  doc.transact(() => map.set(C.pos, { x: Math.round(to.x), y: Math.round(to.y) }), LOCAL_ORIGIN);
}

/** The order key after every note already in `cluster`. */
function nextNoteOrder(doc: Y.Doc, cluster: string): string {
  const orders = readNotes(doc)
    .filter((n) => n.cluster === cluster && n.order !== '')
    .map((n) => n.order);
  return generateKeyBetween(lastOrder(orders), null);
}

/** Sorts a note into an issue (at its end), or back onto the board (`null`). */
export function assignNote(doc: Y.Doc, noteId: string, cluster: string | null): void {
  const note = notesMap(doc).get(noteId);
  if (!(note instanceof Y.Map)) throw new Error(`No note ${noteId}`);
  if (cluster !== null) clusterMap(doc, cluster);
  doc.transact(() => {
    note.set(NOTE_FIELDS.cluster, cluster);
    note.set(NOTE_FIELDS.order, cluster === null ? '' : nextNoteOrder(doc, cluster));
  }, LOCAL_ORIGIN);
}

/** Moves an issue in the ranking between two others (either `null` at an end). */
export function rankCluster(doc: Y.Doc, id: string, after: string | null, before: string | null): void {
  const orderOf = (other: string | null) => {
    if (other === null) return null;
    const order = clusterMap(doc, other).get(C.order);
    return typeof order === 'string' ? order : null;
  };
  const map = clusterMap(doc, id);
  const low = orderOf(after);
  const high = orderOf(before);
  if (low !== null && high !== null && low >= high) throw new Error('after must rank above before');
  doc.transact(() => map.set(C.order, generateKeyBetween(low, high)), LOCAL_ORIGIN);
}

/**
 * Merges issue `from` into `into`: its notes follow `into`'s, its description is appended
 * (nothing written is lost), and `from` is removed.
 */
export function mergeClusters(doc: Y.Doc, from: string, into: string): void {
  if (from === into) return;
  const source = clusterMap(doc, from);
  const target = clusterMap(doc, into);
  doc.transact(() => {
    for (const noteId of readClusters(doc).find((c) => c.id === from)?.noteIds ?? []) {
      const note = notesMap(doc).get(noteId);
      note?.set(NOTE_FIELDS.cluster, into);
      note?.set(NOTE_FIELDS.order, nextNoteOrder(doc, into));
    }
    const extra = textOf(source, C.description).toString().trim();
    const title = textOf(source, C.title).toString();
    const description = textOf(target, C.description);
    if (extra !== '' || title !== '') {
      const joined = [description.toString().trim(), `${title}${extra ? ` — ${extra}` : ''}`]
        .filter((part) => part !== '')
        .join('\n');
      replaceText(description, joined.slice(0, 2000));
    }
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

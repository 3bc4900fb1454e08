import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { ACTION_FIELDS, actionsMap } from './actions';
import { CLUSTER_FIELDS, clustersMap } from './clusters';
import { BOARD_ROOTS } from './layout';
import { insertionKeys, placeIndex } from './order';
import { LOCAL_ORIGIN } from './origins';
import { ItemTable, readItemTable } from './tableField';
import { replaceText } from './text';

/**
 * Step 3 (strategic axes): two or three axes (French: axes stratégiques) that group the
 * issues and guide public action, each a `Y.Map` in the board's `axes` root keyed by id. An
 * issue names its axis (the cluster's `axis` field) and an action sheet names its axis too;
 * an axis keeps no list of either.
 */

/** Field names of an axis's `Y.Map`. */
export const AXIS_FIELDS = {
  id: 'id',
  /** `Y.Text`: collaborative. */
  title: 'title',
  /** `Y.Text`: collaborative. */
  description: 'description',
  /** Fractional-index key: the axes' reading order. */
  order: 'order',
  createdAt: 'createdAt',
  /** The table that proposed it during a table round, or `null` (plenary). */
  table: 'table',
} as const;

/** More axes than this and the strategy loses its focus: the UI warns (it does not forbid). */
export const ADVISED_MAX_AXES = 3;

export const AXIS_TITLE_MAX = 160;
export const AXIS_DESCRIPTION_MAX = 4000;
export const AxisTitle = z
  .string()
  .trim()
  .min(1, 'An axis needs a title')
  .max(AXIS_TITLE_MAX, `An axis title has at most ${AXIS_TITLE_MAX} characters`);
export const AxisDescription = z
  .string()
  .max(AXIS_DESCRIPTION_MAX, `An axis description has at most ${AXIS_DESCRIPTION_MAX} characters`);
/** An axis's or an issue's id as the commands take it. */
const Id = z.string().min(1, 'An id cannot be empty').max(64, 'An id has at most 64 characters');

export interface Axis {
  id: string;
  title: string;
  description: string;
  order: string;
  createdAt: number;
  /** The table that proposed it during a table round, `null` in plenary. */
  table: string | null;
}

/** What a new axis's map is made from: its table optional. */
export type AxisInit = Omit<Axis, 'table'> & { table?: string | null | undefined };

export function axesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.axes);
}

/** An axis's `Y.Map`; throws when there is none. */
export function axisMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = axesMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No axis ${id}`);
  return map;
}

/** The prose fields of an axis, each a collaborative `Y.Text`. */
export type AxisTextField = 'title' | 'description';

/** An axis's title or description `Y.Text`, for fields that bind to it; `null` when there is none. */
export function axisText(doc: Y.Doc, id: string, field: AxisTextField): Y.Text | null {
  const text = axesMap(doc).get(id)?.get(AXIS_FIELDS[field]);
  return text instanceof Y.Text ? text : null;
}

/** The board's axes in their order; malformed entries are skipped. */
export function readAxes(doc: Y.Doc): Axis[] {
  const out: Axis[] = [];
  for (const map of axesMap(doc).values()) {
    const id = map.get(AXIS_FIELDS.id);
    const title = map.get(AXIS_FIELDS.title);
    if (typeof id !== 'string' || !(title instanceof Y.Text)) continue;
    const description = map.get(AXIS_FIELDS.description);
    const order = map.get(AXIS_FIELDS.order);
    const createdAt = map.get(AXIS_FIELDS.createdAt);
    out.push({
      id,
      title: title.toString(),
      description: description instanceof Y.Text ? description.toString() : '',
      order: typeof order === 'string' ? order : '',
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
      table: readItemTable(map),
    });
  }
  return out.sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

/** Creates an axis after the others and returns its id; throws (zod) on a bad title. */
export function createAxis(
  doc: Y.Doc,
  input: { title: string; description?: string; table?: string | null },
  id: string = uuidv4(),
  now: number = Date.now(),
): string {
  const title = AxisTitle.parse(input.title);
  const description = AxisDescription.parse(input.description ?? '');
  const table = ItemTable.parse(input.table) ?? null;
  const last = readAxes(doc).reduce<string | null>(
    (max, a) => (a.order !== '' && (max === null || a.order > max) ? a.order : max),
    null,
  );
  const order = generateKeyBetween(last, null);
  doc.transact(
    () => axesMap(doc).set(id, newAxisMap({ id, title, description, order, createdAt: now, table })),
    LOCAL_ORIGIN,
  );
  return id;
}

/** A new axis's `Y.Map` holding `axis` (to be set in the axes root, in a transaction). */
export function newAxisMap(axis: AxisInit): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(AXIS_FIELDS.id, axis.id);
  map.set(AXIS_FIELDS.title, new Y.Text(axis.title));
  map.set(AXIS_FIELDS.description, new Y.Text(axis.description));
  map.set(AXIS_FIELDS.order, axis.order);
  map.set(AXIS_FIELDS.createdAt, axis.createdAt);
  map.set(AXIS_FIELDS.table, axis.table ?? null);
  return map;
}

function textOf(map: Y.Map<unknown>, field: string): Y.Text {
  const text = map.get(field);
  if (!(text instanceof Y.Text)) throw new Error(`Axis field ${field} is not text`);
  return text;
}

/** Renames an axis (minimal diff into its `Y.Text`); throws (zod) on an empty or too long title. */
export function renameAxis(doc: Y.Doc, id: string, title: string): void {
  const next = AxisTitle.parse(title);
  const text = textOf(axisMap(doc, Id.parse(id)), AXIS_FIELDS.title);
  doc.transact(() => replaceText(text, next), LOCAL_ORIGIN);
}

/** Rewrites an axis's description (minimal diff); throws (zod) when it is too long. */
export function describeAxis(doc: Y.Doc, id: string, description: string): void {
  const next = AxisDescription.parse(description);
  const text = textOf(axisMap(doc, Id.parse(id)), AXIS_FIELDS.description);
  doc.transact(() => replaceText(text, next), LOCAL_ORIGIN);
}

/**
 * Moves an axis in the reading order between two others (either `null` at an end): a
 * fractional key, so two people reordering at once never give two axes the same place. Axes
 * that share a key (created at the same instant) are renumbered, so the move still happens.
 */
export function rankAxis(doc: Y.Doc, id: string, after: string | null, before: string | null): void {
  const map = axisMap(doc, Id.parse(id));
  for (const other of [after, before]) if (other !== null) axisMap(doc, Id.parse(other));
  const others = readAxes(doc).filter((axis) => axis.id !== id);
  const { key, rekeyed } = insertionKeys(others, placeIndex(others, id, after, before));
  doc.transact(() => {
    for (const [other, order] of rekeyed) axesMap(doc).get(other)?.set(AXIS_FIELDS.order, order);
    map.set(AXIS_FIELDS.order, key);
  }, LOCAL_ORIGIN);
}

/**
 * Deletes an axis in one transaction (so one undo brings everything back): its issues go
 * back to the pool (their `axis` becomes `null`) and its action sheets stay, unassigned.
 */
export function deleteAxis(doc: Y.Doc, id: string): void {
  axisMap(doc, Id.parse(id));
  doc.transact(() => {
    for (const cluster of clustersMap(doc).values())
      if (cluster.get(CLUSTER_FIELDS.axis) === id) cluster.set(CLUSTER_FIELDS.axis, null);
    for (const sheet of actionsMap(doc).values())
      if (sheet.get(ACTION_FIELDS.axis) === id) sheet.set(ACTION_FIELDS.axis, null);
    axesMap(doc).delete(id);
  }, LOCAL_ORIGIN);
}

/** Attaches an issue (cluster) to an axis, or back to the pool (`null`); throws on an unknown issue or axis. */
export function attachIssue(doc: Y.Doc, clusterId: string, axisId: string | null): void {
  const cluster = clustersMap(doc).get(Id.parse(clusterId));
  if (!(cluster instanceof Y.Map)) throw new Error(`No issue ${clusterId}`);
  if (axisId !== null) axisMap(doc, Id.parse(axisId));
  if ((cluster.get(CLUSTER_FIELDS.axis) ?? null) === axisId) return;
  doc.transact(() => cluster.set(CLUSTER_FIELDS.axis, axisId), LOCAL_ORIGIN);
}

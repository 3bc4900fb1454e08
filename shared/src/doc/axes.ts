import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';

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
} as const;

/** More axes than this and the strategy loses its focus: the UI warns (it does not forbid). */
export const ADVISED_MAX_AXES = 3;

export const AxisTitle = z.string().trim().min(1, 'An axis needs a title').max(160);
export const AxisDescription = z.string().max(4000);

export interface Axis {
  id: string;
  title: string;
  description: string;
  order: string;
  createdAt: number;
}

export function axesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.axes);
}

/** An axis's `Y.Map`; throws when there is none. */
export function axisMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = axesMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No axis ${id}`);
  return map;
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
    });
  }
  return out.sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

/** Creates an axis after the others and returns its id; throws (zod) on a bad title. */
export function createAxis(
  doc: Y.Doc,
  input: { title: string; description?: string },
  id: string = uuidv4(),
  now: number = Date.now(),
): string {
  const title = AxisTitle.parse(input.title);
  const description = AxisDescription.parse(input.description ?? '');
  const last = readAxes(doc).reduce<string | null>(
    (max, a) => (a.order !== '' && (max === null || a.order > max) ? a.order : max),
    null,
  );
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set(AXIS_FIELDS.id, id);
    map.set(AXIS_FIELDS.title, new Y.Text(title));
    map.set(AXIS_FIELDS.description, new Y.Text(description));
    map.set(AXIS_FIELDS.order, generateKeyBetween(last, null));
    map.set(AXIS_FIELDS.createdAt, now);
    axesMap(doc).set(id, map);
  }, LOCAL_ORIGIN);
  return id;
}

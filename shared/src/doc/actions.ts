import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';

/**
 * Step 4 (action plan): action sheets (French: fiches action), each a `Y.Map` in the board's
 * `actions` root keyed by id. Prose fields are `Y.Text` so several people type in the same
 * sheet at once; the others are plain values written whole. Financing lines and milestones
 * are `Y.Map`s keyed by line id, so two people adding lines at once keep both.
 */

/** Field names of an action sheet's `Y.Map`. */
export const ACTION_FIELDS = {
  id: 'id',
  /** Strategic axis id (step 3), or `null` when unassigned (e.g. its axis was deleted). */
  axis: 'axis',
  /** Fractional-index key: the sheet's place among its axis's sheets. */
  order: 'order',
  createdAt: 'createdAt',
  /** `number | null`: total budget in euros. */
  budget: 'budget',
  /** `ActionStructure | null`. */
  structure: 'structure',
  /** `ActionPriority | null`. */
  priority: 'priority',
  /** `ActionStatus`. */
  status: 'status',
  /** `Y.Map<FinancingLine>` keyed by line id. */
  financing: 'financing',
  /** `Y.Map<Milestone>` keyed by milestone id. */
  milestones: 'milestones',
} as const;

/** The sheet's prose fields, each a `Y.Text` under its own name. */
export const ACTION_TEXT_FIELDS = [
  'title',
  'objectives',
  'description',
  'lead',
  'targetPublic',
  'partners',
  'risks',
] as const;
export type ActionTextField = (typeof ACTION_TEXT_FIELDS)[number];

/** Longest text of each prose field. */
export const ACTION_TEXT_LIMITS: Readonly<Record<ActionTextField, number>> = {
  title: 160,
  objectives: 4000,
  description: 8000,
  lead: 200,
  targetPublic: 1000,
  partners: 2000,
  risks: 4000,
};

/** Legal or contract structure of an action (French: montage juridique). */
export const ACTION_STRUCTURES = [
  'in-house',
  'partnership-agreement',
  'service-concession',
  'performance-contract',
  'semi-public-company',
  'innovation-procurement',
  'other',
] as const;
export const ActionStructure = z.enum(ACTION_STRUCTURES);
export type ActionStructure = z.infer<typeof ActionStructure>;

export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export const ActionPriority = z.enum(ACTION_PRIORITIES);
export type ActionPriority = z.infer<typeof ActionPriority>;

/** Where the sheet stands (French: idée, en rédaction, validée). */
export const ACTION_STATUSES = ['idea', 'drafting', 'validated'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Where money comes from; `other` with a free label. */
export const FINANCING_SOURCES = [
  'own-funds',
  'state',
  'eu',
  'region',
  'department',
  'banque-des-territoires',
  'private',
  'other',
] as const;
export const FinancingSource = z.enum(FINANCING_SOURCES);
export type FinancingSource = z.infer<typeof FinancingSource>;

/** Euros: a finite number ≥ 0 with at most cents. */
export const Euros = z
  .number()
  .finite()
  .min(0, 'An amount cannot be negative')
  .max(1e12)
  .transform((n) => Math.round(n * 100) / 100);

export const FinancingLine = z.object({
  id: z.string().min(1).max(64),
  source: FinancingSource,
  /** Free precision (e.g. the fund's name), required for `other`. */
  label: z.string().trim().max(200),
  amount: Euros,
  secured: z.boolean(),
});
export type FinancingLine = z.infer<typeof FinancingLine>;

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'Not a calendar date',
    },
  );

export const Milestone = z.object({
  id: z.string().min(1).max(64),
  date: IsoDate,
  label: z.string().trim().min(1, 'A milestone needs a label').max(200),
});
export type Milestone = z.infer<typeof Milestone>;

/** An action sheet as the rest of the app sees it: a plain snapshot of its `Y.Map`. */
export interface ActionSheet extends Record<ActionTextField, string> {
  id: string;
  axis: string | null;
  order: string;
  createdAt: number;
  budget: number | null;
  structure: ActionStructure | null;
  priority: ActionPriority | null;
  status: ActionStatus;
  /** In the order they were added. */
  financing: FinancingLine[];
  /** By date. */
  milestones: Milestone[];
}

export function actionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.actions);
}

/** A sheet's `Y.Map`; throws when there is none. */
export function actionMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = actionsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No action sheet ${id}`);
  return map;
}

/** The `Y.Text` of a sheet's prose field (what an editor binds to). */
export function actionText(doc: Y.Doc, id: string, field: ActionTextField): Y.Text {
  const text = actionMap(doc, id).get(field);
  if (!(text instanceof Y.Text)) throw new Error(`Action field ${field} is not text`);
  return text;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

function entries<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!(value instanceof Y.Map)) return [];
  const out: T[] = [];
  for (const entry of value.values()) {
    const item = parsed(schema, entry);
    if (item !== null) out.push(item);
  }
  return out;
}

/** Reads one sheet's `Y.Map`; `null` when it is not a well-formed sheet. */
export function readAction(map: Y.Map<unknown>): ActionSheet | null {
  const id = map.get(ACTION_FIELDS.id);
  if (typeof id !== 'string') return null;
  const texts = {} as Record<ActionTextField, string>;
  for (const field of ACTION_TEXT_FIELDS) {
    const text = map.get(field);
    texts[field] = text instanceof Y.Text ? text.toString() : '';
  }
  const axis = map.get(ACTION_FIELDS.axis);
  const order = map.get(ACTION_FIELDS.order);
  const createdAt = map.get(ACTION_FIELDS.createdAt);
  const budget = map.get(ACTION_FIELDS.budget);
  return {
    id,
    ...texts,
    axis: typeof axis === 'string' ? axis : null,
    order: typeof order === 'string' ? order : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    budget: typeof budget === 'number' && Number.isFinite(budget) && budget >= 0 ? budget : null,
    structure: parsed(ActionStructure, map.get(ACTION_FIELDS.structure)),
    priority: parsed(ActionPriority, map.get(ACTION_FIELDS.priority)),
    status: parsed(ActionStatus, map.get(ACTION_FIELDS.status)) ?? 'idea',
    financing: entries(map.get(ACTION_FIELDS.financing), FinancingLine),
    milestones: entries(map.get(ACTION_FIELDS.milestones), Milestone).sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1,
    ),
  };
}

/** Every well-formed sheet, by axis order key then creation (the plan's reading order within an axis). */
export function readActions(doc: Y.Doc): ActionSheet[] {
  const out: ActionSheet[] = [];
  for (const map of actionsMap(doc).values()) {
    const sheet = readAction(map);
    if (sheet) out.push(sheet);
  }
  return out.sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

/** Creates a sheet (at the end of its axis's sheets) and returns its id; throws (zod) on a bad title. */
export function createAction(
  doc: Y.Doc,
  input: { title: string; axis: string | null },
  id: string = uuidv4(),
  now: number = Date.now(),
): string {
  const title = z.string().trim().min(1).max(ACTION_TEXT_LIMITS.title).parse(input.title);
  let last: string | null = null;
  for (const sheet of readActions(doc))
    if (sheet.axis === input.axis && sheet.order !== '' && (last === null || sheet.order > last))
      last = sheet.order;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set(ACTION_FIELDS.id, id);
    for (const field of ACTION_TEXT_FIELDS) map.set(field, new Y.Text(field === 'title' ? title : ''));
    map.set(ACTION_FIELDS.axis, input.axis);
    map.set(ACTION_FIELDS.order, generateKeyBetween(last, null));
    map.set(ACTION_FIELDS.createdAt, now);
    map.set(ACTION_FIELDS.budget, null);
    map.set(ACTION_FIELDS.structure, null);
    map.set(ACTION_FIELDS.priority, null);
    map.set(ACTION_FIELDS.status, 'idea' satisfies ActionStatus);
    map.set(ACTION_FIELDS.financing, new Y.Map());
    map.set(ACTION_FIELDS.milestones, new Y.Map());
    actionsMap(doc).set(id, map);
  }, LOCAL_ORIGIN);
  return id;
}

/** Deletes a sheet (undoable like every command). */
export function deleteAction(doc: Y.Doc, id: string): void {
  actionMap(doc, id);
  doc.transact(() => actionsMap(doc).delete(id), LOCAL_ORIGIN);
}

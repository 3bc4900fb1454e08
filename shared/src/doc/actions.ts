import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { Siret } from '../reference/identifiers';
import { isSgpeLevier, m57Competence } from '../reference/lists';
import { BOARD_ROOTS } from './layout';
import { insertionKeys, placeIndex } from './order';
import { LOCAL_ORIGIN } from './origins';
import { ItemTable, readItemTable } from './tableField';
import { replaceText } from './text';

/**
 * Step 4 (action plan): action sheets (French: fiches action), each a `Y.Map` in the board's
 * `actions` root keyed by id. Prose fields are `Y.Text` so several people type in the same
 * sheet at once; the others are plain values written whole. Financing lines and milestones
 * are `Y.Map`s keyed by line id, so two people adding lines at once keep both; each line is
 * itself a `Y.Map` of its fields, so two people changing different fields of one line keep
 * both changes, and a change racing a removal goes with the removed line.
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
  /** `Y.Map<Y.Map>` keyed by line id: each line's fields (`FinancingLine` and `addedAt`). */
  financing: 'financing',
  /** `Y.Map<Y.Map>` keyed by milestone id: each milestone's fields (`Milestone` and `addedAt`). */
  milestones: 'milestones',
  /** The table it was drafted at, or given to, during table rounds; `null` in plenary. */
  table: 'table',
  /** `string[]`: M57 competence codes (reference/lists.ts), for the public data pack. */
  competences: 'competences',
  /** `string[]`: levers of the national ecological planning (SGPE), by their published label. */
  levers: 'levers',
  /** `string`: the programme it belongs to (CRTE, Petites villes de demain…), `''` for none. */
  programme: 'programme',
  /** `string`: the lead organisation's SIRET (14 digits), `''` when not known. */
  leadSiret: 'leadSiret',
  /** `IsoDate | null`: planned start and end. */
  startDate: 'startDate',
  endDate: 'endDate',
  /** `ActionProgress | null`: where the action stands once decided (the follow-up, after the workshop). */
  progress: 'progress',
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

/**
 * Where a decided action stands, followed after the workshop (the public follow-up page, the
 * public data pack): Territoires en Transitions' statuses (à venir, en cours, réalisé, en pause,
 * en retard, bloqué, abandonné).
 */
export const ACTION_PROGRESSES = [
  'planned',
  'in-progress',
  'done',
  'paused',
  'late',
  'blocked',
  'abandoned',
] as const;
export const ActionProgress = z.enum(ACTION_PROGRESSES);
export type ActionProgress = z.infer<typeof ActionProgress>;

/** Programmes a sheet is often part of (suggestions; any text up to the limit is kept). */
export const PROGRAMME_SUGGESTIONS = [
  'CRTE',
  'Petites villes de demain',
  'Action cœur de ville',
  'Territoires d’industrie',
  'Villages d’avenir',
  'Fonds vert',
  'Leader',
] as const;
export const PROGRAMME_MAX = 120;

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
  /** The table it was drafted at, or given to, `null` in plenary. */
  table: string | null;
  /** M57 competence codes, in the order given. */
  competences: string[];
  /** SGPE levers, by label. */
  levers: string[];
  /** `''` for none. */
  programme: string;
  /** `''` when not known. */
  leadSiret: string;
  startDate: string | null;
  endDate: string | null;
  progress: ActionProgress | null;
}

/** The public-sector fields of a sheet, empty (what a sheet has until someone fills them). */
export const NO_PUBLIC_FIELDS = {
  competences: [],
  levers: [],
  programme: '',
  leadSiret: '',
  startDate: null,
  endDate: null,
  progress: null,
} as const satisfies Pick<ActionSheet, PublicField>;
type PublicField =
  | 'competences'
  | 'levers'
  | 'programme'
  | 'leadSiret'
  | 'startDate'
  | 'endDate'
  | 'progress';

/** What a new sheet's map is made from: its table and public-sector fields optional. */
export type ActionSheetInit = Omit<ActionSheet, 'table' | PublicField> & {
  table?: string | null | undefined;
} & Partial<Pick<ActionSheet, PublicField>>;

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

/** When a financing line or milestone was added (epoch ms), stored beside its fields: its reading order. */
const ADDED_AT = 'addedAt';

/**
 * A financing line's or milestone's stored fields as a plain object: a nested `Y.Map` of its
 * fields, or, in documents written before entries were maps, a plain object written whole.
 */
function entryFields(entry: unknown): Record<string, unknown> {
  if (entry instanceof Y.Map) return entry.toJSON();
  return typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
}

function addedAt(fields: Record<string, unknown>): number {
  const at = fields[ADDED_AT];
  return typeof at === 'number' && Number.isFinite(at) ? at : 0;
}

/**
 * The well-formed entries of a sheet's `financing` or `milestones` map, in the order they were
 * added (a `Y.Map`'s own iteration order differs from one replica to the next).
 */
function entries<T extends { id: string }>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!(value instanceof Y.Map)) return [];
  const out: { item: T; at: number }[] = [];
  for (const entry of value.values()) {
    const fields = entryFields(entry);
    const item = parsed(schema, fields);
    if (item !== null) out.push({ item, at: addedAt(fields) });
  }
  return out
    .sort((a, b) => a.at - b.at || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0))
    .map((entry) => entry.item);
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
    // Same date: in the order they were added (the sort is stable).
    milestones: entries(map.get(ACTION_FIELDS.milestones), Milestone).sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    ),
    table: readItemTable(map),
    competences: stringList(map.get(ACTION_FIELDS.competences)),
    levers: stringList(map.get(ACTION_FIELDS.levers)),
    programme: textValue(map.get(ACTION_FIELDS.programme), PROGRAMME_MAX),
    leadSiret: textValue(map.get(ACTION_FIELDS.leadSiret), 14),
    startDate: parsed(IsoDate, map.get(ACTION_FIELDS.startDate)),
    endDate: parsed(IsoDate, map.get(ACTION_FIELDS.endDate)),
    progress: parsed(ActionProgress, map.get(ACTION_FIELDS.progress)),
  };
}

/** The strings of a stored list (a plain array written whole), anything else dropped. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function textValue(value: unknown, max: number): string {
  return typeof value === 'string' && value.length <= max ? value : '';
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
  input: { title: string; axis: string | null; table?: string | null },
  id: string = uuidv4(),
  now: number = Date.now(),
): string {
  const title = z.string().trim().min(1).max(ACTION_TEXT_LIMITS.title).parse(input.title);
  const table = ItemTable.parse(input.table) ?? null;
  let last: string | null = null;
  for (const sheet of readActions(doc))
    if (sheet.axis === input.axis && sheet.order !== '' && (last === null || sheet.order > last))
      last = sheet.order;
  const sheet: ActionSheet = {
    id,
    title,
    objectives: '',
    description: '',
    lead: '',
    targetPublic: '',
    partners: '',
    risks: '',
    axis: input.axis,
    order: generateKeyBetween(last, null),
    createdAt: now,
    budget: null,
    structure: null,
    priority: null,
    status: 'idea',
    financing: [],
    milestones: [],
    table,
    ...NO_PUBLIC_FIELDS,
    competences: [],
    levers: [],
  };
  doc.transact(() => actionsMap(doc).set(id, newActionMap(sheet)), LOCAL_ORIGIN);
  return id;
}

/**
 * A new sheet's `Y.Map` holding `sheet` (to be set in the actions root, in a transaction). Its
 * financing lines and milestones are read back in the order given: each is stamped as added
 * one millisecond after the one before, from the sheet's creation.
 */
export function newActionMap(sheet: ActionSheetInit): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(ACTION_FIELDS.id, sheet.id);
  for (const field of ACTION_TEXT_FIELDS) map.set(field, new Y.Text(sheet[field]));
  map.set(ACTION_FIELDS.axis, sheet.axis);
  map.set(ACTION_FIELDS.order, sheet.order);
  map.set(ACTION_FIELDS.createdAt, sheet.createdAt);
  map.set(ACTION_FIELDS.budget, sheet.budget);
  map.set(ACTION_FIELDS.structure, sheet.structure);
  map.set(ACTION_FIELDS.priority, sheet.priority);
  map.set(ACTION_FIELDS.status, sheet.status);
  map.set(ACTION_FIELDS.table, sheet.table ?? null);
  const publicFields = { ...NO_PUBLIC_FIELDS, ...definedOnly(sheet) };
  map.set(ACTION_FIELDS.competences, [...publicFields.competences]);
  map.set(ACTION_FIELDS.levers, [...publicFields.levers]);
  map.set(ACTION_FIELDS.programme, publicFields.programme);
  map.set(ACTION_FIELDS.leadSiret, publicFields.leadSiret);
  map.set(ACTION_FIELDS.startDate, publicFields.startDate);
  map.set(ACTION_FIELDS.endDate, publicFields.endDate);
  map.set(ACTION_FIELDS.progress, publicFields.progress);
  const entries = (items: readonly { id: string }[]) =>
    new Y.Map<unknown>(
      items.map((item, i) => [item.id, entryMap({ ...item, [ADDED_AT]: sheet.createdAt + i })] as const),
    );
  map.set(ACTION_FIELDS.financing, entries(sheet.financing));
  map.set(ACTION_FIELDS.milestones, entries(sheet.milestones));
  return map;
}

/** The public-sector fields `init` gives (an `undefined` one keeps the empty value). */
function definedOnly(init: ActionSheetInit): Partial<Pick<ActionSheet, PublicField>> {
  const out: Partial<Pick<ActionSheet, PublicField>> = {};
  for (const key of Object.keys(NO_PUBLIC_FIELDS) as PublicField[])
    if (init[key] !== undefined) Object.assign(out, { [key]: init[key] });
  return out;
}

/** Deletes a sheet (undoable like every command). */
export function deleteAction(doc: Y.Doc, id: string): void {
  actionMap(doc, id);
  doc.transact(() => actionsMap(doc).delete(id), LOCAL_ORIGIN);
}

// — Commands: each validates its input (zod, throws and changes nothing on bad input) and
// makes one transaction. —

const SheetId = z.string().min(1).max(64);
const EntryId = z.string().min(1).max(64);

/** A sheet's `Y.Map` after checking the id's shape; throws when there is none. */
function sheetMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  return actionMap(doc, SheetId.parse(id));
}

function nestedMap(sheet: Y.Map<unknown>, field: 'financing' | 'milestones'): Y.Map<unknown> {
  const map = sheet.get(ACTION_FIELDS[field]);
  if (!(map instanceof Y.Map)) throw new Error(`Action field ${field} is not a map`);
  return map;
}

/** The order key after every sheet of `axis` but `except`. */
function endOfAxis(doc: Y.Doc, axis: string | null, except: string): string {
  let last: string | null = null;
  for (const sheet of readActions(doc))
    if (
      sheet.id !== except &&
      sheet.axis === axis &&
      sheet.order !== '' &&
      (last === null || sheet.order > last)
    )
      last = sheet.order;
  return generateKeyBetween(last, null);
}

/**
 * Attaches a sheet to a strategic axis (an entry of the `axes` root), or to none (`null`); it goes
 * to the end of that axis's sheets.
 */
export function setActionAxis(doc: Y.Doc, id: string, axis: string | null): void {
  const next = z.string().min(1).max(64).nullable().parse(axis);
  const map = sheetMap(doc, id);
  // The axes root read directly: axes.ts imports this module (deleting an axis unassigns its sheets).
  if (next !== null && !(doc.getMap(BOARD_ROOTS.axes).get(next) instanceof Y.Map))
    throw new Error(`No axis ${next}`);
  if (map.get(ACTION_FIELDS.axis) === next) return;
  const order = endOfAxis(doc, next, id);
  doc.transact(() => {
    map.set(ACTION_FIELDS.axis, next);
    map.set(ACTION_FIELDS.order, order);
  }, LOCAL_ORIGIN);
}

/** The sheet's total budget in euros (≥ 0, cents at most), or `null` when not known yet. */
export const ActionBudget = Euros.nullable();

export function setActionBudget(doc: Y.Doc, id: string, budget: number | null): void {
  const next = ActionBudget.parse(budget);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.budget, next), LOCAL_ORIGIN);
}

export function setActionStructure(doc: Y.Doc, id: string, structure: ActionStructure | null): void {
  const next = ActionStructure.nullable().parse(structure);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.structure, next), LOCAL_ORIGIN);
}

export function setActionPriority(doc: Y.Doc, id: string, priority: ActionPriority | null): void {
  const next = ActionPriority.nullable().parse(priority);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.priority, next), LOCAL_ORIGIN);
}

export function setActionStatus(doc: Y.Doc, id: string, status: ActionStatus): void {
  const next = ActionStatus.parse(status);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.status, next), LOCAL_ORIGIN);
}

/** M57 codes of the nomenclature, each once. */
export const ActionCompetences = z
  .array(z.string().refine((code) => m57Competence(code) !== undefined, 'Not an M57 competence code'))
  .max(20)
  .refine((codes) => new Set(codes).size === codes.length, 'A competence is listed twice');

/** Levers of the ecological planning, by their exact label, each once. */
export const ActionLevers = z
  .array(z.string().refine(isSgpeLevier, 'Not a lever of the ecological planning'))
  .max(20)
  .refine((labels) => new Set(labels).size === labels.length, 'A lever is listed twice');

export function setActionCompetences(doc: Y.Doc, id: string, codes: readonly string[]): void {
  const next = ActionCompetences.parse(codes);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.competences, next), LOCAL_ORIGIN);
}

export function setActionLevers(doc: Y.Doc, id: string, labels: readonly string[]): void {
  const next = ActionLevers.parse(labels);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.levers, next), LOCAL_ORIGIN);
}

export function setActionProgramme(doc: Y.Doc, id: string, programme: string): void {
  const next = z
    .string()
    .trim()
    .max(PROGRAMME_MAX)
    .regex(/^[^\r\n]*$/, 'One line')
    .parse(programme);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.programme, next), LOCAL_ORIGIN);
}

/** The lead organisation's SIRET, checked (14 digits, a valid key); `''` clears it. */
export function setActionLeadSiret(doc: Y.Doc, id: string, siret: string): void {
  const compact = siret.replace(/\s/g, '');
  const next = compact === '' ? '' : Siret.parse(compact);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.leadSiret, next), LOCAL_ORIGIN);
}

/** Planned start and end (`null` for unknown); the end may not come before the start. */
export const ActionDates = z
  .object({ startDate: IsoDate.nullable(), endDate: IsoDate.nullable() })
  .refine((d) => d.startDate === null || d.endDate === null || d.startDate <= d.endDate, {
    message: 'The end comes before the start',
    path: ['endDate'],
  });

export function setActionDates(
  doc: Y.Doc,
  id: string,
  dates: { startDate: string | null; endDate: string | null },
): void {
  const next = ActionDates.parse(dates);
  const map = sheetMap(doc, id);
  doc.transact(() => {
    map.set(ACTION_FIELDS.startDate, next.startDate);
    map.set(ACTION_FIELDS.endDate, next.endDate);
  }, LOCAL_ORIGIN);
}

export function setActionProgress(doc: Y.Doc, id: string, progress: ActionProgress | null): void {
  const next = ActionProgress.nullable().parse(progress);
  const map = sheetMap(doc, id);
  doc.transact(() => map.set(ACTION_FIELDS.progress, next), LOCAL_ORIGIN);
}

export const ActionTextFieldName = z.enum(ACTION_TEXT_FIELDS);

/**
 * The text a prose field may hold: at most its limit, and the title on one line (it may be
 * empty for a moment while someone retypes it; readers show a placeholder).
 */
export function actionTextSchema(field: ActionTextField): z.ZodType<string> {
  const text = z.string().max(ACTION_TEXT_LIMITS[field], `At most ${ACTION_TEXT_LIMITS[field]} characters`);
  return field === 'title' ? text.regex(/^[^\r\n]*$/, 'A title is one line') : text;
}

/**
 * Turns a prose field into `text` with the smallest edit (`replaceText`), so that what others
 * type elsewhere in the same field is kept. Refuses text over the field's limit.
 */
export function setActionText(doc: Y.Doc, id: string, field: ActionTextField, text: string): void {
  const name = ActionTextFieldName.parse(field);
  const next = actionTextSchema(name).parse(text);
  const ytext = actionText(doc, SheetId.parse(id), name);
  if (ytext.toString() === next) return;
  doc.transact(() => replaceText(ytext, next), LOCAL_ORIGIN);
}

/**
 * Moves a sheet between two others of its axis (either `null` at an end). Sheets created at the
 * same instant may share a key: the sheets are then renumbered, so the move still happens.
 */
export function rankAction(doc: Y.Doc, id: string, after: string | null, before: string | null): void {
  const map = sheetMap(doc, id);
  for (const other of [after, before]) if (other !== null) sheetMap(doc, other);
  const others = readActions(doc).filter((sheet) => sheet.id !== id);
  const { key, rekeyed } = insertionKeys(others, placeIndex(others, id, after, before));
  doc.transact(() => {
    for (const [other, order] of rekeyed) actionsMap(doc).get(other)?.set(ACTION_FIELDS.order, order);
    map.set(ACTION_FIELDS.order, key);
  }, LOCAL_ORIGIN);
}

/** An entry's `Y.Map` of fields: `id`, the fields, `addedAt`. */
function entryMap(fields: Record<string, unknown>): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(fields));
}

/** Adds a financing line or milestone under `key`; throws when there is one already. */
function addEntry(
  doc: Y.Doc,
  map: Y.Map<unknown>,
  key: string,
  fields: Record<string, unknown>,
  now: number,
  what: string,
): void {
  if (map.has(key)) throw new Error(`${what} ${key} exists`);
  // After every entry this replica sees, even when added in the same millisecond: the reading
  // order is the order of adding, not of the random ids that break ties.
  let latest = Number.NEGATIVE_INFINITY;
  for (const entry of map.values()) latest = Math.max(latest, addedAt(entryFields(entry)));
  const at = Math.max(now, latest + 1);
  doc.transact(() => map.set(key, entryMap({ id: key, ...fields, [ADDED_AT]: at })), LOCAL_ORIGIN);
}

/**
 * Writes the fields of `next` that differ from the entry's, one by one in its `Y.Map`, so that
 * what others change meanwhile in other fields is kept (no transaction when nothing differs). A
 * plain object from an older document is first turned into a `Y.Map` under the same key, in the
 * same transaction, keeping its `addedAt`.
 */
function updateEntry(doc: Y.Doc, map: Y.Map<unknown>, key: string, next: Record<string, unknown>): void {
  const entry = map.get(key);
  const fields = entryFields(entry);
  const changed = Object.entries(next).filter(([name, value]) => fields[name] !== value);
  if (changed.length === 0) return;
  doc.transact(() => {
    if (entry instanceof Y.Map) for (const [name, value] of changed) entry.set(name, value);
    else map.set(key, entryMap({ ...fields, ...next, id: key }));
  }, LOCAL_ORIGIN);
}

function removeEntry(doc: Y.Doc, map: Y.Map<unknown>, key: string, what: string): void {
  if (!map.has(key)) throw new Error(`No ${what} ${key}`);
  doc.transact(() => map.delete(key), LOCAL_ORIGIN);
}

/** A financing line's fields; a line from an `other` source says which in its label. */
export const FinancingLineInput = FinancingLine.omit({ id: true }).refine(
  (line) => line.source !== 'other' || line.label !== '',
  { message: 'Name the source of an "other" line', path: ['label'] },
);
export type FinancingLineInput = z.input<typeof FinancingLineInput>;

/** Adds a line to the sheet's financing plan and returns its id. */
export function addFinancingLine(
  doc: Y.Doc,
  id: string,
  input: FinancingLineInput,
  lineId: string = uuidv4(),
  now: number = Date.now(),
): string {
  const fields = FinancingLineInput.parse(input);
  const key = EntryId.parse(lineId);
  addEntry(doc, nestedMap(sheetMap(doc, id), 'financing'), key, fields, now, 'Financing line');
  return key;
}

/**
 * Changes some fields of a financing line, writing only those that differ; the line as a whole
 * must stay valid (else nothing changes).
 */
export function updateFinancingLine(
  doc: Y.Doc,
  id: string,
  lineId: string,
  patch: Partial<FinancingLineInput>,
): void {
  const lines = nestedMap(sheetMap(doc, id), 'financing');
  const key = EntryId.parse(lineId);
  const line = parsed(FinancingLine, entryFields(lines.get(key)));
  if (!line) throw new Error(`No financing line ${key}`);
  const { id: _, ...fields } = line;
  const next = FinancingLineInput.parse({
    ...fields,
    ...FinancingLine.omit({ id: true }).partial().parse(patch),
  });
  updateEntry(doc, lines, key, next);
}

export function removeFinancingLine(doc: Y.Doc, id: string, lineId: string): void {
  removeEntry(doc, nestedMap(sheetMap(doc, id), 'financing'), EntryId.parse(lineId), 'financing line');
}

export const MilestoneInput = Milestone.omit({ id: true });
export type MilestoneInput = z.input<typeof MilestoneInput>;

/** Adds a milestone (date and label) to the sheet's timeline and returns its id. */
export function addMilestone(
  doc: Y.Doc,
  id: string,
  input: MilestoneInput,
  milestoneId: string = uuidv4(),
  now: number = Date.now(),
): string {
  const fields = MilestoneInput.parse(input);
  const key = EntryId.parse(milestoneId);
  addEntry(doc, nestedMap(sheetMap(doc, id), 'milestones'), key, fields, now, 'Milestone');
  return key;
}

/** Changes the date or label of a milestone, writing only what differs; both must stay valid. */
export function updateMilestone(
  doc: Y.Doc,
  id: string,
  milestoneId: string,
  patch: Partial<MilestoneInput>,
): void {
  const milestones = nestedMap(sheetMap(doc, id), 'milestones');
  const key = EntryId.parse(milestoneId);
  const milestone = parsed(Milestone, entryFields(milestones.get(key)));
  if (!milestone) throw new Error(`No milestone ${key}`);
  const next = MilestoneInput.parse({ date: milestone.date, label: milestone.label, ...patch });
  updateEntry(doc, milestones, key, next);
}

export function removeMilestone(doc: Y.Doc, id: string, milestoneId: string): void {
  removeEntry(doc, nestedMap(sheetMap(doc, id), 'milestones'), EntryId.parse(milestoneId), 'milestone');
}

export interface FinancingTotals {
  /** Sum of every line. */
  total: number;
  /** Sum of the lines already obtained (acquis). */
  secured: number;
  /** Sum of the lines still to apply for (à solliciter). */
  toFind: number;
  /**
   * Budget minus total: > 0 the plan does not cover the budget yet, < 0 it raises more than
   * the budget; `null` when the sheet has no budget.
   */
  gap: number | null;
}

/** The financing plan's totals, summed in cents so that 0.1 + 0.2 stays 0.3. */
export function financingTotals(sheet: Pick<ActionSheet, 'budget' | 'financing'>): FinancingTotals {
  const cents = (euros: number) => Math.round(euros * 100);
  let total = 0;
  let secured = 0;
  for (const line of sheet.financing) {
    total += cents(line.amount);
    if (line.secured) secured += cents(line.amount);
  }
  return {
    total: total / 100,
    secured: secured / 100,
    toFind: (total - secured) / 100,
    gap: sheet.budget === null ? null : (cents(sheet.budget) - total) / 100,
  };
}

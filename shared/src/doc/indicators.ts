import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { z } from 'zod';
import { crteIndicator } from '../reference/lists';
import { BOARD_ROOTS } from './layout';
import { LOCAL_ORIGIN } from './origins';
import { requireAction } from './partners';
import { replaceText } from './text';

/**
 * Step 6 (monitoring and evaluation): the indicators of each action sheet (French:
 * indicateurs de suivi), each a `Y.Map` in the board's `indicators` root keyed by id, naming
 * its sheet in `action`. As with partners, deleting a sheet leaves its indicators in place;
 * the views show them under "Fiche supprimée" until they are attached to another sheet or
 * removed.
 */

/** Field names of an indicator's `Y.Map`. */
export const INDICATOR_FIELDS = {
  id: 'id',
  /** Action sheet id. */
  action: 'action',
  /** `Y.Text`: collaborative. */
  name: 'name',
  /** `Y.Text`: collaborative, may be empty (e.g. `%`, `t CO₂/an`, `personnes`). */
  unit: 'unit',
  /** `number | null`: the value today (French: valeur de référence). */
  baseline: 'baseline',
  /** `number | null`: the value aimed at (French: valeur cible); may be below the baseline. */
  target: 'target',
  /** `Y.Text`: collaborative, may be empty. Where the figure comes from. */
  source: 'source',
  /** `IndicatorFrequency`. */
  frequency: 'frequency',
  createdAt: 'createdAt',
  /** `string | null`: the CRTE indicator it was picked from (reference/lists.ts), by id. */
  reference: 'reference',
} as const;

/** An indicator of the CRTE list, by id (`crte_6.1`, `cae_1.a`…), or `null` for one of the room's own. */
export const IndicatorReference = z
  .string()
  .refine((id) => crteIndicator(id) !== undefined, 'Not an indicator of the CRTE list')
  .nullable();

/** How often the indicator is measured (French: mensuelle, trimestrielle, semestrielle, annuelle, ponctuelle, autre). */
export const INDICATOR_FREQUENCIES = [
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'once',
  'other',
] as const;
export const IndicatorFrequency = z.enum(INDICATOR_FREQUENCIES);
export type IndicatorFrequency = z.infer<typeof IndicatorFrequency>;

/** An indicator's prose fields, each a `Y.Text` under its own name. */
export const INDICATOR_TEXT_FIELDS = ['name', 'unit', 'source'] as const;
export type IndicatorTextField = (typeof INDICATOR_TEXT_FIELDS)[number];

export const INDICATOR_TEXT_LIMITS: Readonly<Record<IndicatorTextField, number>> = {
  name: 160,
  unit: 40,
  source: 200,
};

/** An indicator's text as typed (not trimmed, see `PARTNER_TEXT`); the name must not be blank. */
export const INDICATOR_TEXT: Readonly<Record<IndicatorTextField, z.ZodType<string, string>>> = {
  name: z
    .string()
    .max(INDICATOR_TEXT_LIMITS.name, `A name has at most ${INDICATOR_TEXT_LIMITS.name} characters`)
    .refine((s) => s.trim() !== '', 'An indicator needs a name'),
  unit: z
    .string()
    .max(INDICATOR_TEXT_LIMITS.unit, `A unit has at most ${INDICATOR_TEXT_LIMITS.unit} characters`),
  source: z
    .string()
    .max(INDICATOR_TEXT_LIMITS.source, `A source has at most ${INDICATOR_TEXT_LIMITS.source} characters`),
};

/**
 * A baseline or target: any finite number (negative values are real: a balance, a change in
 * percent), or `null` when not known yet. NaN and infinities are refused.
 */
export const IndicatorValue = z
  .number({ error: 'A value must be a number' })
  .finite('A value must be a finite number')
  .min(-1e15, 'This value is too large')
  .max(1e15, 'This value is too large')
  .nullable();

/** What `addIndicator` takes: texts are trimmed; values default to `null`, frequency to yearly. */
export const IndicatorInput = z.object({
  action: z.string().min(1).max(64),
  name: z.string().trim().pipe(INDICATOR_TEXT.name),
  unit: z.string().trim().pipe(INDICATOR_TEXT.unit).default(''),
  baseline: IndicatorValue.default(null),
  target: IndicatorValue.default(null),
  source: z.string().trim().pipe(INDICATOR_TEXT.source).default(''),
  frequency: IndicatorFrequency.default('yearly'),
  reference: IndicatorReference.default(null),
});
export type IndicatorInput = z.input<typeof IndicatorInput>;

/** What `updateIndicator` takes: any of the fields; texts are stored as given. */
export const IndicatorPatch = z
  .object({
    action: z.string().min(1).max(64),
    name: INDICATOR_TEXT.name,
    unit: INDICATOR_TEXT.unit,
    baseline: IndicatorValue,
    target: IndicatorValue,
    source: INDICATOR_TEXT.source,
    frequency: IndicatorFrequency,
    reference: IndicatorReference,
  })
  .partial()
  .strict();
export type IndicatorPatch = z.input<typeof IndicatorPatch>;

/** An indicator as the rest of the app sees it: a plain snapshot of its `Y.Map`. */
export interface Indicator {
  id: string;
  action: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  source: string;
  frequency: IndicatorFrequency;
  createdAt: number;
  /** The CRTE indicator it was picked from, `null` for one of the room's own. */
  reference: string | null;
}

export function indicatorsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(BOARD_ROOTS.indicators);
}

function indicatorMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = indicatorsMap(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`No indicator ${id}`);
  return map;
}

/** The `Y.Text` of an indicator's text field (what an input binds to). */
export function indicatorText(doc: Y.Doc, id: string, field: IndicatorTextField): Y.Text {
  const text = indicatorMap(doc, id).get(field);
  if (!(text instanceof Y.Text)) throw new Error(`Indicator field ${field} is not text`);
  return text;
}

function value(raw: unknown): number | null {
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}

/** Reads one indicator's `Y.Map`; `null` when it is not a well-formed indicator. */
export function readIndicator(map: Y.Map<unknown>): Indicator | null {
  const id = map.get(INDICATOR_FIELDS.id);
  const action = map.get(INDICATOR_FIELDS.action);
  const name = map.get(INDICATOR_FIELDS.name);
  if (typeof id !== 'string' || typeof action !== 'string' || !(name instanceof Y.Text)) return null;
  const unit = map.get(INDICATOR_FIELDS.unit);
  const source = map.get(INDICATOR_FIELDS.source);
  const frequency = IndicatorFrequency.safeParse(map.get(INDICATOR_FIELDS.frequency));
  const createdAt = map.get(INDICATOR_FIELDS.createdAt);
  return {
    id,
    action,
    name: name.toString(),
    unit: unit instanceof Y.Text ? unit.toString() : '',
    baseline: value(map.get(INDICATOR_FIELDS.baseline)),
    target: value(map.get(INDICATOR_FIELDS.target)),
    source: source instanceof Y.Text ? source.toString() : '',
    frequency: frequency.success ? frequency.data : 'other',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    reference: IndicatorReference.catch(null).parse(map.get(INDICATOR_FIELDS.reference) ?? null),
  };
}

/**
 * Every well-formed indicator of the board, in the order they were added, including those
 * whose action sheet was deleted (compare `action` with the sheets to find them).
 */
export function readIndicators(doc: Y.Doc): Indicator[] {
  const out: Indicator[] = [];
  for (const map of indicatorsMap(doc).values()) {
    const indicator = readIndicator(map);
    if (indicator) out.push(indicator);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Adds an indicator to an action sheet and returns its id; throws (zod) on bad input or an unknown sheet. */
export function addIndicator(
  doc: Y.Doc,
  input: IndicatorInput,
  id: string = uuidv4(),
  now: number = Date.now(),
): string {
  const indicator = IndicatorInput.parse(input);
  requireAction(doc, indicator.action);
  if (indicatorsMap(doc).has(id)) throw new Error(`Indicator ${id} exists already`);
  doc.transact(
    () => indicatorsMap(doc).set(id, newIndicatorMap({ id, ...indicator, createdAt: now })),
    LOCAL_ORIGIN,
  );
  return id;
}

/** A new indicator's `Y.Map` holding `indicator` (to be set in the indicators root, in a transaction). */
export function newIndicatorMap(
  indicator: Omit<Indicator, 'reference'> & { reference?: string | null },
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set(INDICATOR_FIELDS.id, indicator.id);
  map.set(INDICATOR_FIELDS.action, indicator.action);
  for (const field of INDICATOR_TEXT_FIELDS) map.set(field, new Y.Text(indicator[field]));
  map.set(INDICATOR_FIELDS.baseline, indicator.baseline);
  map.set(INDICATOR_FIELDS.target, indicator.target);
  map.set(INDICATOR_FIELDS.frequency, indicator.frequency);
  map.set(INDICATOR_FIELDS.createdAt, indicator.createdAt);
  map.set(INDICATOR_FIELDS.reference, indicator.reference ?? null);
  return map;
}

/**
 * Changes some of an indicator's fields in one transaction (texts as the smallest diff into
 * their `Y.Text`, not trimmed); a new `action` attaches it to another sheet, which must
 * exist. Throws (zod) on bad input, changing nothing.
 */
export function updateIndicator(doc: Y.Doc, id: string, patch: IndicatorPatch): void {
  const next = IndicatorPatch.parse(patch);
  const map = indicatorMap(doc, id);
  if (next.action !== undefined) requireAction(doc, next.action);
  doc.transact(() => {
    if (next.action !== undefined) map.set(INDICATOR_FIELDS.action, next.action);
    if (next.baseline !== undefined) map.set(INDICATOR_FIELDS.baseline, next.baseline);
    if (next.target !== undefined) map.set(INDICATOR_FIELDS.target, next.target);
    if (next.frequency !== undefined) map.set(INDICATOR_FIELDS.frequency, next.frequency);
    if (next.reference !== undefined) map.set(INDICATOR_FIELDS.reference, next.reference);
    for (const field of INDICATOR_TEXT_FIELDS) {
      const value = next[field];
      if (value === undefined) continue;
      const text = map.get(field);
      if (text instanceof Y.Text) replaceText(text, value);
      else map.set(field, new Y.Text(value));
    }
  }, LOCAL_ORIGIN);
}

/** Removes an indicator (undoable like every command). */
export function removeIndicator(doc: Y.Doc, id: string): void {
  indicatorMap(doc, id);
  doc.transact(() => indicatorsMap(doc).delete(id), LOCAL_ORIGIN);
}

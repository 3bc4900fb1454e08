import { uuidv4 } from 'lib0/random';
import type * as Y from 'yjs';
import { z } from 'zod';
import { type Step, Step as StepSchema } from '../schema/enums';
import { readSteps, stateMap } from './control';
import { CONTROL_ROOTS, STATE_FIELDS } from './layout';
import { LOCAL_ORIGIN, type SERVER_ORIGIN } from './origins';

/**
 * Tables (French: tables, sous-groupes): a 45-person room splits into tables of 5–8 that work
 * in parallel during a *table round*, then comes back to the plenary. All of it lives in the
 * control document (facilitators and the server write it):
 * - `tables`: `Y.Map<tableId, Table>`, plain values like themes;
 * - `seats`: `Y.Map<participantId, tableId>`, who sits where;
 * - `state.seating`: how people get a table; `state.tableRound`: the round under way;
 *   `state.presenting`: the table presenting to the room.
 * Board items name their table themselves (`table`, see layout.ts `TABLE_FIELD`).
 */

/** A table as everyone reads it. */
export interface Table {
  id: string;
  /** 1–40 characters, trimmed ("Table 3", "Mobilités"). */
  name: string;
  /** CSS colour, `#rrggbb` (lower case). */
  color: string;
  /** Position in the table list (ascending). */
  order: number;
}

/** Who sits where: participant id → table id (only tables that exist). */
export type Seats = Record<string, string>;

/** How people get a table: by the facilitator's hand, balanced automatically, or picked by themselves. */
export const SEATING_MODES = ['manual', 'balanced', 'pick'] as const;
export const SeatingMode = z.enum(SEATING_MODES);
export type SeatingMode = z.infer<typeof SeatingMode>;

/** Most people one table may hold in `pick` mode. */
export const TABLE_CAP_MAX = 100;

export const Seating = z.object({
  mode: SeatingMode,
  /** Most people per table when participants pick (`null`: no cap). */
  cap: z.number().int().min(1).max(TABLE_CAP_MAX).nullable(),
});
export type Seating = z.infer<typeof Seating>;

export const MANUAL_SEATING: Seating = { mode: 'manual', cap: null };

/** The table round under way: the room works in tables on `step`. */
export const TableRound = z.object({
  step: StepSchema,
  /** "Tables fermées": nobody changes another table's items (by default they may look at them). */
  closed: z.boolean(),
  /** Epoch ms. */
  startedAt: z.number().finite().nonnegative(),
});
export type TableRound = z.infer<typeof TableRound>;

/** A table's id as commands take it (also the `table` of board items). */
export const TableId = z.string().min(1, 'A table id cannot be empty').max(64);

export const TABLE_NAME_MAX = 40;
/** A table as the facilitator names it. */
export const TableInput = z.object({
  name: z.string().trim().min(1, 'A table needs a name').max(TABLE_NAME_MAX),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb')
    .transform((c) => c.toLowerCase()),
});
export type TableInput = z.input<typeof TableInput>;

type Origin = typeof LOCAL_ORIGIN | typeof SERVER_ORIGIN;

export function tablesMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.tables);
}

export function seatsMap(control: Y.Doc): Y.Map<unknown> {
  return control.getMap(CONTROL_ROOTS.seats);
}

/** A root of the control document, or `null` when it has none (reading must not define it). */
function rootIfAny(control: Y.Doc, name: string): Y.Map<unknown> | null {
  return control.share.has(name) ? control.getMap(name) : null;
}

/** The tables in display order; malformed entries are skipped. */
export function readTables(control: Y.Doc): Table[] {
  const out: Table[] = [];
  for (const value of rootIfAny(control, CONTROL_ROOTS.tables)?.values() ?? []) {
    const table = parseTable(value);
    if (table) out.push(table);
  }
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One table, or `null` when there is no such (well-formed) table. */
export function readTable(control: Y.Doc, id: string): Table | null {
  return parseTable(rootIfAny(control, CONTROL_ROOTS.tables)?.get(id));
}

/** Who sits where; a seat at a table that no longer exists reads as no seat. */
export function readSeats(control: Y.Doc): Seats {
  const out: Seats = {};
  const seats = rootIfAny(control, CONTROL_ROOTS.seats);
  if (!seats) return out;
  const tables = new Set(readTables(control).map((t) => t.id));
  for (const [participant, table] of seats.entries()) {
    if (typeof table === 'string' && tables.has(table)) out[participant] = table;
  }
  return out;
}

/** One person's table, or `null` (no seat, or a seat at a table since removed). What the server reads at each write. */
export function readSeat(control: Y.Doc, participantId: string): string | null {
  const table = rootIfAny(control, CONTROL_ROOTS.seats)?.get(participantId);
  return typeof table === 'string' && readTable(control, table) !== null ? table : null;
}

/** How people get a table (`manual` with no cap when never set or malformed). */
export function readSeating(control: Y.Doc): Seating {
  const parsed = Seating.safeParse(stateMap(control).get(STATE_FIELDS.seating));
  return parsed.success ? parsed.data : MANUAL_SEATING;
}

/** Parsed rounds by stored value: the server asks at every participant's board write. */
const parsedRounds = new WeakMap<object, TableRound | null>();

/** The table round under way, or `null` when the room is in plenary (or the value is malformed). */
export function readTableRound(control: Y.Doc): TableRound | null {
  const value = stateMap(control).get(STATE_FIELDS.tableRound);
  if (typeof value !== 'object' || value === null) return null;
  let round = parsedRounds.get(value);
  if (round === undefined) {
    const parsed = TableRound.safeParse(value);
    round = parsed.success ? parsed.data : null;
    parsedRounds.set(value, round);
  }
  return round;
}

/** The table presenting to the room, or `null` (none, or a table since removed). */
export function readPresenting(control: Y.Doc): string | null {
  const value = stateMap(control).get(STATE_FIELDS.presenting);
  return typeof value === 'string' && readTable(control, value) !== null ? value : null;
}

/** Everything about tables at once, for a view that shows them together. */
export interface TablesState {
  tables: Table[];
  seats: Seats;
  seating: Seating;
  round: TableRound | null;
  presenting: string | null;
}

export function readTablesState(control: Y.Doc): TablesState {
  return {
    tables: readTables(control),
    seats: readSeats(control),
    seating: readSeating(control),
    round: readTableRound(control),
    presenting: readPresenting(control),
  };
}

function existing(control: Y.Doc, id: string): Table {
  const table = readTable(control, TableId.parse(id));
  if (!table) throw new Error(`No table ${id}`);
  return table;
}

function write(control: Y.Doc, table: Table): void {
  tablesMap(control).set(table.id, { ...table });
}

/** Facilitator command: a new table at the end of the list. Throws (zod) on a bad name or colour. */
export function addTable(control: Y.Doc, input: TableInput, id: string = uuidv4()): Table {
  const { name, color } = TableInput.parse(input);
  TableId.parse(id);
  if (readTable(control, id)) throw new Error(`Table ${id} already exists`);
  const order = Math.max(-1, ...readTables(control).map((t) => t.order)) + 1;
  const table: Table = { id, name, color, order };
  control.transact(() => write(control, table), LOCAL_ORIGIN);
  return table;
}

/** Facilitator command: renames and/or recolours a table. */
export function updateTable(control: Y.Doc, id: string, input: Partial<TableInput>): void {
  const table = existing(control, id);
  const parsed = TableInput.partial().parse(input);
  const next: Table = { ...table };
  if (parsed.name !== undefined) next.name = parsed.name;
  if (parsed.color !== undefined) next.color = parsed.color;
  control.transact(() => write(control, next), LOCAL_ORIGIN);
}

/**
 * Facilitator command: removes a table and, in the same transaction, unseats its people (and
 * stops it presenting). Items keep their `table` id: readers treat an unknown id as no table,
 * and undoing the removal (same id) gives them their table back.
 */
export function removeTable(control: Y.Doc, id: string): void {
  existing(control, id);
  control.transact(() => {
    const seats = seatsMap(control);
    for (const [participant, table] of [...seats.entries()]) if (table === id) seats.delete(participant);
    if (stateMap(control).get(STATE_FIELDS.presenting) === id)
      stateMap(control).delete(STATE_FIELDS.presenting);
    tablesMap(control).delete(id);
  }, LOCAL_ORIGIN);
}

/** Facilitator command: moves a table one place up (-1) or down (+1) in the list. */
export function moveTable(control: Y.Doc, id: string, direction: -1 | 1): void {
  const tables = readTables(control);
  const index = tables.findIndex((t) => t.id === id);
  const table = tables[index];
  const other = tables[index + direction];
  if (!table || !other) return;
  // Equal orders (two tables added at once by two facilitators) are made distinct by the swap's positions.
  const [a, b] = table.order === other.order ? [index, index + direction] : [table.order, other.order];
  control.transact(() => {
    write(control, { ...table, order: b });
    write(control, { ...other, order: a });
  }, LOCAL_ORIGIN);
}

/**
 * Seats a person at a table, or unseats them (`null`). One key per person, so two facilitators
 * seating different people at once keep both, and the same person ends at one table everywhere.
 * The server seats people too (a pick, a late arrival), with its origin. Throws on an unknown table.
 */
export function seatParticipant(
  control: Y.Doc,
  participantId: string,
  tableId: string | null,
  origin: Origin = LOCAL_ORIGIN,
): void {
  const person = TableId.parse(participantId);
  if (tableId !== null) existing(control, tableId);
  control.transact(() => {
    if (tableId === null) seatsMap(control).delete(person);
    else if (seatsMap(control).get(person) !== tableId) seatsMap(control).set(person, tableId);
  }, origin);
}

/**
 * Writes many seats in one transaction (the automatic split): `seats` replaces the seats of the
 * people it names; others keep theirs. Throws on an unknown table, writing nothing.
 */
export function seatParticipants(control: Y.Doc, seats: Seats, origin: Origin = LOCAL_ORIGIN): void {
  const known = new Set(readTables(control).map((t) => t.id));
  for (const [person, table] of Object.entries(seats)) {
    TableId.parse(person);
    if (!known.has(table)) throw new Error(`No table ${table}`);
  }
  control.transact(() => {
    const map = seatsMap(control);
    for (const [person, table] of Object.entries(seats))
      if (map.get(person) !== table) map.set(person, table);
  }, origin);
}

/** Facilitator command: how people get a table (`manual`, `balanced`, `pick` with an optional cap). */
export function setSeating(control: Y.Doc, seating: Seating): void {
  const value = Seating.parse(seating);
  control.transact(() => stateMap(control).set(STATE_FIELDS.seating, value), LOCAL_ORIGIN);
}

/**
 * Facilitator command: the room works in tables on `step` (one of the workshop's); `closed`
 * ("tables fermées") keeps each table to its own items. A table presenting stops presenting.
 */
export function startTableRound(
  control: Y.Doc,
  step: Step,
  { closed = false, now = Date.now() }: { closed?: boolean; now?: number } = {},
): void {
  const round = TableRound.parse({ step, closed, startedAt: now });
  if (!readSteps(control).includes(round.step)) throw new Error(`This workshop has no step ${round.step}`);
  control.transact(() => {
    stateMap(control).set(STATE_FIELDS.tableRound, round);
    stateMap(control).delete(STATE_FIELDS.presenting);
  }, LOCAL_ORIGIN);
}

/** Facilitator command: back to the plenary (the tables' items keep their `table`). */
export function endTableRound(control: Y.Doc): void {
  control.transact(() => stateMap(control).delete(STATE_FIELDS.tableRound), LOCAL_ORIGIN);
}

/** Facilitator command: a table presents its work to the room ("la table 3 présente"), or none (`null`). */
export function setPresenting(control: Y.Doc, tableId: string | null): void {
  if (tableId !== null) existing(control, tableId);
  control.transact(() => {
    if (tableId === null) stateMap(control).delete(STATE_FIELDS.presenting);
    else stateMap(control).set(STATE_FIELDS.presenting, tableId);
  }, LOCAL_ORIGIN);
}

function parseTable(value: unknown): Table | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  if (typeof t.id !== 'string' || typeof t.name !== 'string' || typeof t.color !== 'string') return null;
  if (typeof t.order !== 'number' || !Number.isFinite(t.order)) return null;
  return { id: t.id, name: t.name, color: t.color, order: t.order };
}

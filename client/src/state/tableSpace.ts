import type { Role, Table, TablesState } from '@atelier/shared';

/**
 * What part of the board a person sees during a table round (docs/doc-layout.md "Tables"): in
 * plenary everyone sees everything; during a round a participant sees their table's *space*
 * (its notes, issues, axes, sheets, and the people seated there), or, with open tables,
 * another table's read only. The server enforces the writes (`other-table`, `no-table`); this
 * only decides what is drawn and whether the UI offers to write.
 */
export type TableSpace =
  /** No round (or a facilitator, who sees the whole room): every item, everyone. */
  | { kind: 'plenary' }
  /** A participant with no seat during a round: nothing to show but "no table yet". */
  | { kind: 'noSeat' }
  /** One table's items; `own`: the person's own table (else another's, looked at). */
  | { kind: 'table'; table: Table; own: boolean };

export interface SpaceInput {
  tables: TablesState;
  me: { participantId: string; role: Role } | null;
  /** The other table looked at (`viewedTable` in the board store), or `null`. */
  viewedTable: string | null;
}

const PLENARY: TableSpace = { kind: 'plenary' };
const NO_SEAT: TableSpace = { kind: 'noSeat' };

/**
 * The space this person sees. A facilitator sees the plenary (everything) unless they look at
 * one table (`viewedTable`, the seam for visiting a table); an observer without a seat
 * follows the whole room. With closed tables a participant sees only their own.
 */
export function tableSpace({ tables, me, viewedTable }: SpaceInput): TableSpace {
  const round = tables.round;
  if (!round || !me) return PLENARY;
  const find = (id: string | null | undefined) => tables.tables.find((t) => t.id === id) ?? null;
  const viewed = find(viewedTable);
  if (me.role === 'facilitator') return viewed ? { kind: 'table', table: viewed, own: false } : PLENARY;
  const seat = find(tables.seats[me.participantId]);
  if (!seat) return me.role === 'observer' ? PLENARY : NO_SEAT;
  if (viewed && viewed.id !== seat.id && !round.closed) return { kind: 'table', table: viewed, own: false };
  return { kind: 'table', table: seat, own: true };
}

/** Whether an item of `table` (`null`: made in plenary) is in the space. */
export function inSpace(space: TableSpace, table: string | null): boolean {
  if (space.kind === 'plenary') return true;
  if (space.kind === 'noSeat') return false;
  return table === space.table.id;
}

/** Whether a person (cursor, avatar) is shown in the space: those seated at its table, and oneself. */
export function personInSpace(
  space: TableSpace,
  seats: TablesState['seats'],
  participantId: string,
  me: string | undefined,
): boolean {
  if (space.kind === 'plenary' || participantId === me) return true;
  if (space.kind === 'noSeat') return false;
  return seats[participantId] === space.table.id;
}

/** The table a new item is given: one's own table during a round, `null` (plenary) otherwise. */
export function newItemTable(space: TableSpace): string | null {
  return space.kind === 'table' && space.own ? space.table.id : null;
}

/**
 * Whether the space lets this person write: another table looked at, or no seat, is read only
 * — for a facilitator visiting a table too, so that they never write into it by accident (the
 * server would let them: its table rules are for participants).
 */
export function spaceWritable(space: TableSpace): boolean {
  if (space.kind === 'plenary') return true;
  return space.kind === 'table' && space.own;
}

/** The table a facilitator visits ("Vous visitez Table 2"), or `null`: the whole room. */
export function visitedTable(space: TableSpace, role: Role | undefined): Table | null {
  return role === 'facilitator' && space.kind === 'table' && !space.own ? space.table : null;
}

/** The person's own table, round or not (the header's chip), or `null`. */
export function mySeat(tables: TablesState, participantId: string | undefined): Table | null {
  if (participantId === undefined) return null;
  const id = tables.seats[participantId];
  return tables.tables.find((t) => t.id === id) ?? null;
}

/** The items of a list that are in the space (the list itself when nothing is left out). */
export function itemsInSpace<T extends { table: string | null }>(
  space: TableSpace,
  items: readonly T[],
): readonly T[] {
  if (space.kind === 'plenary') return items;
  return items.filter((item) => inSpace(space, item.table));
}

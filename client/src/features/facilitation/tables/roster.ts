import type { ParticipantGroup, ParticipantSummary, Seats, Table } from '@atelier/shared';

/** A participant as the tables panel lists them. */
export interface SeatedRow {
  id: string;
  name: string;
  group: ParticipantGroup;
  color: string;
}

/** The people at each table, and those with no table yet (`unseated`), each list by name. */
export interface Roster {
  byTable: Record<string, SeatedRow[]>;
  unseated: SeatedRow[];
}

/**
 * Who sits where, for the facilitator's panel: participants still in the workshop (the people
 * tables are for: facilitators and observers are never seated), sorted by name.
 */
export function roster(
  people: readonly ParticipantSummary[],
  tables: readonly Table[],
  seats: Seats,
  locale: string,
): Roster {
  const byTable: Record<string, SeatedRow[]> = Object.fromEntries(tables.map((t) => [t.id, []]));
  const unseated: SeatedRow[] = [];
  const sorted = people
    .filter((p) => !p.removed && p.role === 'participant')
    .sort((a, b) => a.name.localeCompare(b.name, locale) || (a.id < b.id ? -1 : 1));
  for (const p of sorted) {
    const row = { id: p.id, name: p.name, group: p.group, color: p.color };
    const at = seats[p.id];
    const list = at === undefined ? undefined : byTable[at];
    if (list) list.push(row);
    else unseated.push(row);
  }
  return { byTable, unseated };
}

/**
 * How many people sit at `table`, `me` aside. People known to be `gone` (removed, or an import's
 * former participants) keep a seat but do not count, as the server does not count them for the
 * cap; someone who joined since the summary was read counts.
 */
export function seatedAt(table: string, seats: Seats, me?: string, gone?: ReadonlySet<string>): number {
  return Object.entries(seats).filter(([who, at]) => at === table && who !== me && !gone?.has(who)).length;
}

/** Tables with room left for one more when participants pick (`cap` null: every table). */
export function seatsLeft(
  table: string,
  seats: Seats,
  cap: number | null,
  me?: string,
  gone?: ReadonlySet<string>,
): number | null {
  if (cap === null) return null;
  return Math.max(0, cap - seatedAt(table, seats, me, gone));
}

/** The ids of the people no longer in the workshop (the summary lists them too). */
export function goneIds(people: readonly Pick<ParticipantSummary, 'id' | 'removed'>[]): Set<string> {
  return new Set(people.filter((p) => p.removed).map((p) => p.id));
}

/** Colours for new tables, distinct from one another and readable with white text. */
export const TABLE_PALETTE = [
  '#d81b60',
  '#3949ab',
  '#00897b',
  '#f4511e',
  '#7cb342',
  '#5e35b1',
  '#fb8c00',
  '#039be5',
  '#6d4c41',
  '#546e7a',
] as const;

/** The colour of the next table: the first the list does not use yet. */
export function nextTableColor(used: readonly string[]): string {
  return TABLE_PALETTE.find((c) => !used.includes(c)) ?? TABLE_PALETTE[used.length % TABLE_PALETTE.length]!;
}

import { PARTICIPANT_GROUPS, type ParticipantGroup } from '../schema/enums';
import type { Seats, Table } from './tables';

/**
 * Automatic seating ("Répartir automatiquement"), pure: who goes to which table so that table
 * sizes differ by at most one AND each table gets a fair share of each participant group
 * (collège: élus, agents, habitants, entreprises… mixed on purpose). The server runs it for the
 * facilitator's "balance" and, through `placeLate`, for each late arrival in `balanced` mode.
 * Callers pass only the people to seat: facilitators and observers are never seated automatically.
 */

/** A person to seat: their participant id and group. */
export interface SeatedPerson {
  id: string;
  group: ParticipantGroup;
}

/** Tables in display order (order, then id): the tie-break of every choice below. */
function inOrder(tables: readonly Table[]): Table[] {
  return [...tables].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** People once each (the first mention wins), in the order given. */
function distinct(people: readonly SeatedPerson[]): SeatedPerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
}

/**
 * Whether `seats` already seats every one of `people` at one of `tables`, with sizes that differ
 * by at most one and, for each group, counts per table that differ by at most one.
 */
export function isBalanced(people: readonly SeatedPerson[], tables: readonly Table[], seats: Seats): boolean {
  if (tables.length === 0) return people.length === 0;
  const ids = new Set(tables.map((t) => t.id));
  const sizes = new Map(tables.map((t) => [t.id, 0]));
  const byGroup = new Map<string, Map<string, number>>();
  for (const person of distinct(people)) {
    const table = seats[person.id];
    if (table === undefined || !ids.has(table)) return false;
    sizes.set(table, (sizes.get(table) ?? 0) + 1);
    const counts = byGroup.get(person.group) ?? new Map(tables.map((t) => [t.id, 0]));
    counts.set(table, (counts.get(table) ?? 0) + 1);
    byGroup.set(person.group, counts);
  }
  const spread = (counts: Map<string, number>) => Math.max(...counts.values()) - Math.min(...counts.values());
  return spread(sizes) <= 1 && [...byGroup.values()].every((counts) => spread(counts) <= 1);
}

/**
 * Seats every one of `people` at one of `tables`: sizes differ by at most one, and each group's
 * people are dealt round-robin over the tables sorted by how full they are, so each table gets
 * a fair share of each group (12 people of 4 groups at 3 tables: one of each group per table).
 * Deterministic given its inputs. People keep their `current` seat where the split allows: an
 * already balanced seating is returned as it is, and otherwise each table's share of a group
 * goes first to the people of that group already sitting there (the deal prefers, among equally
 * full tables, those where more of the group already sit). Returns a seat for each person
 * (none when there are no tables).
 */
export function balancedSeating(
  people: readonly SeatedPerson[],
  tables: readonly Table[],
  current: Seats,
): Seats {
  const sorted = inOrder(tables);
  const everyone = distinct(people);
  if (sorted.length === 0) return {};
  if (isBalanced(everyone, sorted, current)) {
    return Object.fromEntries(everyone.map((p) => [p.id, current[p.id] as string]));
  }
  const index = new Map(sorted.map((t, i) => [t.id, i]));
  const size = sorted.map(() => 0);
  const seats: Seats = {};
  for (const group of PARTICIPANT_GROUPS) {
    const members = everyone.filter((p) => p.group === group);
    if (members.length === 0) continue;
    const already = sorted.map(() => 0);
    for (const p of members) {
      const at = index.get(current[p.id] ?? '');
      if (at !== undefined) already[at]! += 1;
    }
    // The deal's order, fixed for the whole group: the emptiest first (so sizes stay within one).
    const deal = sorted
      .map((_, i) => i)
      .sort((a, b) => size[a]! - size[b]! || already[b]! - already[a]! || a - b);
    const share = sorted.map(() => 0);
    members.forEach((_, k) => {
      share[deal[k % deal.length]!]! += 1;
    });
    // Each table's share goes to those already sitting there first, then to the others in order.
    const left: SeatedPerson[] = [];
    for (const p of members) {
      const at = index.get(current[p.id] ?? '');
      if (at !== undefined && share[at]! > 0) {
        share[at]! -= 1;
        size[at]! += 1;
        seats[p.id] = sorted[at]!.id;
      } else left.push(p);
    }
    for (const p of left) {
      const at = deal.find((i) => share[i]! > 0) as number;
      share[at]! -= 1;
      size[at]! += 1;
      seats[p.id] = sorted[at]!.id;
    }
  }
  return seats;
}

/**
 * The table for one late arrival, by the same rule: the least full table, and among equally full
 * ones the one with the fewest people of the person's group, then the first in order. Someone
 * already seated at one of `tables` keeps their seat. `people` are those seated automatically
 * (participants, with their group); only their seats count. `null` when there are no tables.
 */
export function placeLate(
  person: SeatedPerson,
  tables: readonly Table[],
  seats: Seats,
  people: readonly SeatedPerson[],
): string | null {
  const sorted = inOrder(tables);
  const mine = seats[person.id];
  if (mine !== undefined && sorted.some((t) => t.id === mine)) return mine;
  const size = new Map(sorted.map((t) => [t.id, 0]));
  const same = new Map(sorted.map((t) => [t.id, 0]));
  for (const p of distinct(people)) {
    const table = seats[p.id];
    if (p.id === person.id || table === undefined || !size.has(table)) continue;
    size.set(table, (size.get(table) ?? 0) + 1);
    if (p.group === person.group) same.set(table, (same.get(table) ?? 0) + 1);
  }
  let best: Table | null = null;
  for (const table of sorted) {
    if (
      best === null ||
      size.get(table.id)! < size.get(best.id)! ||
      (size.get(table.id) === size.get(best.id) && same.get(table.id)! < same.get(best.id)!)
    )
      best = table;
  }
  return best?.id ?? null;
}

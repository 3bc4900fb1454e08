import {
  NO_COUNTS,
  type ParticipantSummary,
  type Seats,
  type Step,
  type Table,
  type TableCounts,
} from '@atelier/shared';
import { isActive, type LastActive } from './activity';

/** How a seated person is doing: active lately, connected but idle, or not connected. */
export type PersonState = 'active' | 'online' | 'offline';

export interface OverviewPerson {
  id: string;
  name: string;
  color: string;
  state: PersonState;
}

/** One table as the facilitator's overview shows it. */
export interface OverviewCard {
  table: Table;
  /** Seated people: active first, then connected, then the others, each by name. */
  people: OverviewPerson[];
  counts: TableCounts;
  /** How many are connected (active ones included), and how many active. */
  online: number;
  active: number;
}

export interface OverviewInput {
  tables: readonly Table[];
  seats: Seats;
  /** The workshop's people (names, colours); someone seated but not listed yet shows by presence. */
  participants: readonly ParticipantSummary[];
  /** The people connected now (presence), with their names. */
  present: readonly { participantId: string; name: string; color: string }[];
  lastActive: LastActive;
  counts: Readonly<Record<string, TableCounts>>;
  now: number;
  locale: string;
}

const ORDER: Record<PersonState, number> = { active: 0, online: 1, offline: 2 };

/** Every table's card, in the tables' order. Pure: the panel feeds it the stores' values. */
export function overviewCards(input: OverviewInput): OverviewCard[] {
  const listed = new Map(input.participants.map((p) => [p.id, p]));
  const present = new Map(input.present.map((p) => [p.participantId, p]));
  const byTable = new Map<string, OverviewPerson[]>(input.tables.map((t) => [t.id, []]));
  for (const [id, table] of Object.entries(input.seats)) {
    const list = byTable.get(table);
    const person = listed.get(id);
    if (!list || person?.removed) continue;
    const here = present.get(id);
    const name = person?.name ?? here?.name;
    if (name === undefined) continue;
    const state: PersonState = !here
      ? 'offline'
      : isActive(input.lastActive, id, input.now)
        ? 'active'
        : 'online';
    list.push({ id, name, color: person?.color ?? here?.color ?? '#888888', state });
  }
  return input.tables.map((table) => {
    const people = (byTable.get(table.id) ?? []).sort(
      (a, b) => ORDER[a.state] - ORDER[b.state] || a.name.localeCompare(b.name, input.locale),
    );
    return {
      table,
      people,
      counts: input.counts[table.id] ?? NO_COUNTS,
      online: people.filter((p) => p.state !== 'offline').length,
      active: people.filter((p) => p.state === 'active').length,
    };
  });
}

/** The kind of item a step's work makes, the count the overview puts first during a round. */
export function stepCount(step: Step | null): keyof TableCounts | null {
  switch (step) {
    case 'assessment':
      return 'notes';
    case 'issues':
      return 'issues';
    case 'axes':
      return 'axes';
    case 'actions':
    case 'partnerships':
    case 'monitoring':
      return 'sheets';
    default:
      return null;
  }
}

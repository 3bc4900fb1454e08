import {
  NO_COUNTS,
  type Note,
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

/** A table's notes as rectangles in board units, and the box around them: its miniature. */
export interface Miniature {
  notes: { id: string; x: number; y: number }[];
  box: { x: number; y: number; width: number; height: number };
}

/**
 * Each table's miniature (table id → its notes' places), from the board's notes: a glance at
 * how a table spreads and sorts its work. Notes made in plenary are left out.
 */
export function tableMiniatures(
  notes: Readonly<Record<string, Pick<Note, 'id' | 'x' | 'y' | 'table'>>>,
  size: { width: number; height: number },
): Record<string, Miniature> {
  const out: Record<string, Miniature> = {};
  for (const note of Object.values(notes)) {
    if (note.table === null) continue;
    const mini = out[note.table] ?? { notes: [], box: { x: note.x, y: note.y, width: 0, height: 0 } };
    mini.notes.push({ id: note.id, x: note.x, y: note.y });
    out[note.table] = mini;
  }
  for (const mini of Object.values(out)) {
    const xs = mini.notes.map((n) => n.x);
    const ys = mini.notes.map((n) => n.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    mini.box = { x, y, width: Math.max(...xs) - x + size.width, height: Math.max(...ys) - y + size.height };
  }
  return out;
}

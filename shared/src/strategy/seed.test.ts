import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCluster, readClusterList } from '../doc/clusters';
import { readNotes } from '../doc/notes';
import { SERVER_ORIGIN } from '../doc/origins';
import { planOverview } from '../doc/plan';
import { setItemTable } from '../doc/tableField';
import { addTable, readSeats, readTables, seatParticipants } from '../doc/tables';
import { readRounds } from '../votes/votesDoc';
import { buildStrategy, type StrategySource } from './build';
import { strategyContent } from './content';
import { Strategy } from './schema';
import { revealedRound, writeStrategy } from './seed';
import { fixtureWorkshop } from './workshop.fixture';

/** The fixture's strategy, checked as an import checks a file. */
function exported(): { strategy: Strategy; source: StrategySource } {
  const { source } = fixtureWorkshop();
  return { strategy: Strategy.parse(buildStrategy(source)), source };
}

/**
 * `strategy` written into fresh documents of a second session whose people are the authors
 * under new ids (all gone, like the server's former participants), then read back.
 */
function reimported(strategy: Strategy, source: StrategySource) {
  const board = new Y.Doc();
  const control = new Y.Doc();
  const groups = new Map(strategy.notes.map((n) => [n.author, n.authorGroup]));
  const authorIds = new Map(
    [...groups.keys()].flatMap((id) => (id === null ? [] : [[id, `again-${id}`] as const])),
  );
  const roundIds = new Map(strategy.rounds.map((round, i) => [round.id, `round-again-${i}`]));
  writeStrategy(board, control, strategy, { authorIds, roundIds });
  const people = [...authorIds].map(([old, id]) => ({
    id,
    name: '',
    group: groups.get(old) ?? 'other',
    role: 'participant' as const,
    coFacilitator: false,
    removed: true,
  }));
  const again = buildStrategy({ ...source, board, control, people });
  return { board, control, again, authorIds, roundIds };
}

describe('writeStrategy', () => {
  it('gives back the same strategy: export → import → export', () => {
    const { strategy, source } = exported();
    const { again } = reimported(strategy, source);
    expect(Strategy.safeParse(again).success).toBe(true);
    expect(strategyContent(again)).toEqual(strategyContent(strategy));
  });

  it('keeps the items’ tables and an issue’s provenance on import', () => {
    const { source, board, control } = fixtureWorkshop();
    addTable(control, { name: 'Table 1', color: '#e53935' }, 't1');
    setItemTable(board, 'notes', 'n1', 't1');
    createCluster(board, { title: 'Vélo', x: 0, y: 0, table: 't1' }, 'i-t1');
    const strategy = Strategy.parse(buildStrategy(source));
    const again = reimported(strategy, source);
    expect(readNotes(again.board).find((n) => n.id === 'n1')?.table).toBe('t1');
    expect(readClusterList(again.board).find((i) => i.id === 'i-t1')?.table).toBe('t1');
  });

  it('restores the tables, and the seats of the people it recreates (note authors)', () => {
    const { source, control } = fixtureWorkshop();
    addTable(control, { name: 'Table 1', color: '#e53935' }, 't1');
    addTable(control, { name: 'Mobilités', color: '#3949ab' }, 't2');
    // Omar wrote no note: the import does not recreate him, so there is nobody to seat.
    seatParticipants(control, { 'p-lea': 't1', 'p-hugo': 't2', 'p-omar': 't1' });
    const strategy = Strategy.parse(buildStrategy(source));
    expect(strategy.tables?.map((t) => t.participants)).toEqual([['p-lea', 'p-omar'], ['p-hugo']]);
    const again = reimported(strategy, source);
    expect(readTables(again.control).map(({ id, name, color }) => ({ id, name, color }))).toEqual([
      { id: 't1', name: 'Table 1', color: '#e53935' },
      { id: 't2', name: 'Mobilités', color: '#3949ab' },
    ]);
    expect(readSeats(again.control)).toEqual({ 'again-p-lea': 't1', 'again-p-hugo': 't2' });
  });

  it('keeps the questions for the room; a file from before questions imports without any', () => {
    const { strategy, source } = exported();
    expect(strategy.workshop.questions).toEqual({
      assessment: 'Quels constats sur les mobilités ?',
      axes: 'Quelles orientations pour le mandat ?',
    });
    expect(reimported(strategy, source).again.workshop.questions).toEqual(strategy.workshop.questions);
    const { questions: _q, ...older } = strategy.workshop;
    const before = Strategy.parse({ ...strategy, workshop: older });
    expect(reimported(before, source).again.workshop.questions).toEqual({});
  });

  it('keeps entity ids and creation times, maps authors and rounds to their new ids', () => {
    const { strategy, source } = exported();
    const { again } = reimported(strategy, source);
    expect(again.notes.map((n) => [n.id, n.author, n.createdAt])).toEqual(
      strategy.notes.map((n) => [n.id, n.author === null ? null : `again-${n.author}`, n.createdAt]),
    );
    expect(again.actions.map((a) => [a.id, a.createdAt])).toEqual(
      strategy.actions.map((a) => [a.id, a.createdAt]),
    );
    expect(again.rounds.map((r) => r.id)).toEqual(['round-again-0']);
    expect(again.issues[0]?.votes[0]?.round).toBe('round-again-0');
  });

  it('keeps a partner whose sheet was deleted as an orphan, and the archived theme archived', () => {
    const { strategy, source } = exported();
    const { board, again } = reimported(strategy, source);
    expect(again.partners.find((p) => p.id === 'pa-orphan')?.action).toBeNull();
    expect(planOverview(board).orphans.flatMap((o) => o.partners.map((p) => p.id))).toEqual(['pa-orphan']);
    expect(again.themes.find((t) => t.id === 'economy')?.archived).toBe(true);
  });

  it('publishes the revealed rounds with their results, and nothing unrevealed', () => {
    const { strategy, source } = exported();
    const { control } = reimported(strategy, source);
    const round = strategy.rounds[0];
    if (!round) throw new Error('the fixture has a revealed round');
    expect(readRounds(control)).toEqual([revealedRound(round, 'round-again-0')]);
    expect(readRounds(control)[0]).toMatchObject({ state: 'revealed', results: round.results });
  });

  it('writes each document in one server transaction, and only into fresh documents', () => {
    const { strategy } = exported();
    const board = new Y.Doc();
    const control = new Y.Doc();
    const origins: unknown[] = [];
    for (const doc of [board, control]) doc.on('afterTransaction', (t) => origins.push(t.origin));
    writeStrategy(board, control, strategy);
    expect(origins).toEqual([SERVER_ORIGIN, SERVER_ORIGIN]);
    expect(() => writeStrategy(board, new Y.Doc(), strategy)).toThrow(/fresh/);
    expect(() => writeStrategy(new Y.Doc(), control, strategy)).toThrow(/fresh/);
  });

  it('carries a workshop of Val de Loue’s size (320 more notes) with each issue’s notes in order', () => {
    const { strategy, source } = exported();
    const issues = strategy.issues.map((issue) => ({ ...issue, notes: [...issue.notes] }));
    const notes = [...strategy.notes];
    for (let n = 0; n < 320; n++) {
      const issue = n % 5 === 0 ? null : (issues[n % issues.length] ?? null);
      const id = `vdl-${n}`;
      notes.push({
        ...(strategy.notes[0] as Strategy['notes'][number]),
        id,
        text: `Contribution ${n} : ${'observation '.repeat(n % 12)}`,
        issue: issue?.id ?? null,
        position: { x: (n % 20) * 220, y: Math.floor(n / 20) * 180 },
        createdAt: new Date(Date.UTC(2026, 11, 3, 10, 0, n)).toISOString(),
        votes: [],
      });
      issue?.notes.push(id);
    }
    const big = Strategy.parse({ ...strategy, notes, issues });
    const { board, again } = reimported(big, source);
    expect(readNotes(board)).toHaveLength(strategy.notes.length + 320);
    expect(again.issues.map((i) => i.notes)).toEqual(issues.map((i) => i.notes));
    expect(strategyContent(again)).toEqual(strategyContent(big));
  });
});

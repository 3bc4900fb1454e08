import { describe, expect, it } from 'vitest';
import { binNote } from '../doc/bin';
import { addNote } from '../doc/notes';
import { buildStrategy } from './build';
import { buildStrategyFile, StrategyFile } from './sessionsFile';
import { strategyFileReport } from './sessionsReport';
import { strategyFileTables } from './sessionsTables';
import { fixtureWorkshop, T0 } from './workshop.fixture';

/** Three sessions of the fixture workshop: n2 binned in the second, n-new added in the third (by Léa, alone). */
function threeSessions() {
  const { source, board } = fixtureWorkshop();
  const one = buildStrategy(source);
  binNote(board, 'n2', 'p-lea');
  const two = buildStrategy(source);
  addNote(board, {
    id: 'n-new',
    x: 0,
    y: 0,
    author: 'p-lea',
    text: 'Un tiers-lieu',
    now: T0 + 3_600_000,
  });
  const three = buildStrategy(source);
  return buildStrategyFile({
    strategy: { id: 'st-1', title: 'Val de Loue', territory: one.workshop.territory, locale: 'fr' },
    sessions: [one, two, three].map((outcome, i) => ({
      id: `w-${i + 1}`,
      title: `Séance ${i + 1}`,
      date: `2027-0${i + 1}-10`,
      outcome,
      ...(i === 2
        ? {
            journal: [
              {
                collection: 'notes' as const,
                item: 'n-new',
                field: null,
                participant: 'p-lea',
                group: 'resident' as const,
                at: '2027-03-09T17:45:00.000Z',
                alone: true,
              },
            ],
          }
        : {}),
    })),
    exportedBy: { id: 'p-camille', name: 'Camille Martin' },
    exportedAt: new Date(T0),
    appVersion: '0.1.0',
  });
}

describe('buildStrategyFile', () => {
  it('gives each item its first and last session by id, and the changes from session to session', () => {
    const file = StrategyFile.parse(threeSessions());
    expect(file.sessions.map((s) => [s.index, s.id, s.date, s.title])).toEqual([
      [1, 'w-1', '2027-01-10', 'Séance 1'],
      [2, 'w-2', '2027-02-10', 'Séance 2'],
      [3, 'w-3', '2027-03-10', 'Séance 3'],
    ]);
    const span = (id: string) => file.items.notes.find((n) => n.id === id);
    expect(span('n1')).toMatchObject({ firstSession: 1, lastSession: 3 });
    expect(span('n2')).toMatchObject({ firstSession: 1, lastSession: 1 });
    expect(span('n-new')).toEqual({ id: 'n-new', label: 'Un tiers-lieu', firstSession: 3, lastSession: 3 });
    expect(file.changes.map((c) => [c.from, c.to, c.changes.notes.map((n) => [n.id, n.change])])).toEqual([
      [1, 2, [['n2', 'removed']]],
      [2, 3, [['n-new', 'added']]],
    ]);
    expect(file.final).toEqual(file.sessions[2]?.outcome);
    // Who and when from the later session's journal; none known for session 2.
    expect(file.changes[1]?.changes.notes[0]).toMatchObject({
      editors: [{ participant: 'p-lea', group: 'resident' }],
      editedAt: '2027-03-09T17:45:00.000Z',
      betweenSessions: true,
    });
    expect(file.changes[0]?.changes.notes[0]).toMatchObject({ editors: [], betweenSessions: null });
  });

  it('refuses sessions out of order', () => {
    const file = threeSessions();
    const swapped = { ...file, sessions: [file.sessions[1], file.sessions[0], file.sessions[2]] };
    expect(StrategyFile.safeParse(swapped).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'sessions.0.index',
      'sessions.1.index',
    ]);
  });

  it('is written as tables and a report with the sessions and the changes', () => {
    const file = threeSessions();
    const tables = strategyFileTables(file, 'fr');
    expect(tables.slice(0, 4).map((t) => t.name)).toEqual(['workshop', 'sessions', 'items', 'changes']);
    const changes = tables.find((t) => t.name === 'changes')?.rows ?? [];
    // Binning n2 also changed its issue's notes.
    expect(changes.map((r) => [r.from, r.to, r.collection, r.id, r.change])).toContainEqual([
      1,
      2,
      'Enjeux',
      'i-mob',
      'Modification',
    ]);
    expect(
      changes.filter((r) => r.collection === 'Contributions').map((r) => [r.from, r.to, r.id, r.change]),
    ).toEqual([
      [1, 2, 'n2', 'Retrait'],
      [2, 3, 'n-new', 'Ajout'],
    ]);
    // Without names in the file, the editor is their group.
    expect(changes.find((r) => r.id === 'n-new')).toMatchObject({
      editors: 'Habitant·e',
      editedAt: '2027-03-09T17:45:00.000Z',
      betweenSessions: true,
    });
    const report = strategyFileReport(file, 'en');
    expect(report.title).toBe('Val de Loue');
    const headings = report.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings[0]).toBe('Sessions');
    expect(headings).toContain('From session 2 to session 3');
    const bullets = report.blocks.flatMap((b) => (b.kind === 'bullets' ? b.items : []));
    // The last such bullet: the changes come after the final state's report.
    const added = bullets.findLast((b) => b.runs.some((r) => r.text === 'Un tiers-lieu'));
    expect(added?.runs.at(-1)?.text).toBe(' — edited between sessions, by Resident, last edited 9 Mar 2027');
  });
});

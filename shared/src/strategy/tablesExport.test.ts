import { describe, expect, it } from 'vitest';
import { setItemTable } from '../doc/tableField';
import { addTable, seatParticipants } from '../doc/tables';
import { buildStrategy } from './build';
import { strategyReport } from './report';
import { strategyTables } from './tables';
import { fixtureWorkshop } from './workshop.fixture';

/** The fixture workshop worked in two tables: Léa and Hugo at "Mobilités", n1 and n2 made there. */
function tabledStrategy(includeNames = false) {
  const { source, board, control } = fixtureWorkshop();
  addTable(control, { name: 'Mobilités', color: '#e53935' }, 't1');
  addTable(control, { name: 'Habitat', color: '#1e88e5' }, 't2');
  seatParticipants(control, { 'p-lea': 't1', 'p-hugo': 't1' });
  setItemTable(board, 'notes', 'n1', 't1');
  setItemTable(board, 'notes', 'n2', 't1');
  return buildStrategy({ ...source, includeNames });
}

describe('the exports of a workshop that worked in tables', () => {
  it('list the tables in a sheet, and each item’s table beside it', () => {
    const tables = new Map(strategyTables(tabledStrategy(), 'fr').map((t) => [t.name, t]));
    const list = tables.get('tables');
    expect(list?.rows.map((r) => [r.name, r.participantCount, r.participants, r.noteCount])).toEqual([
      ['Mobilités', 2, 'p-lea, p-hugo', 2],
      ['Habitat', 0, '', 0],
    ]);
    // No names unless the export asks for them.
    expect(list?.columns.map((c) => c.key)).not.toContain('participantNames');
    const notes = tables.get('notes');
    expect(notes?.rows.find((r) => r.id === 'n1')).toMatchObject({ table: 't1', tableLabel: 'Mobilités' });
    expect(notes?.rows.find((r) => r.id === 'n3')).toMatchObject({ table: null, tableLabel: 'Plénière' });
    expect(tables.get('issues')?.columns.map((c) => c.key)).toContain('table');
    const named = strategyTables(tabledStrategy(true), 'fr').find((t) => t.name === 'tables');
    expect(named?.rows[0]?.participantNames).toBe('Léa Dubois, Hugo Petit');
  });

  it('sum up each table in the report, the plenary last', () => {
    const s = tabledStrategy();
    const report = strategyReport(s, 'en');
    const at = report.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'By table');
    expect(at).toBeGreaterThan(0);
    const table = report.blocks[at + 1];
    expect(table).toMatchObject({
      kind: 'table',
      header: ['Table', 'People', 'Notes', 'Priority issues', 'Strategic axes', 'Action sheets'],
    });
    const rows = table?.kind === 'table' ? table.rows : [];
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Mobilités', '2', '2'],
      ['Habitat', '0', '0'],
      ['Plenary', '—', String(s.notes.length - 2)],
    ]);
  });

  it('leave the report and the sheets of a workshop without tables as they were', () => {
    const s = buildStrategy(fixtureWorkshop().source);
    expect(strategyReport(s, 'fr').blocks.some((b) => b.kind === 'heading' && b.text === 'Par table')).toBe(
      false,
    );
    const tables = strategyTables(s, 'fr');
    expect(tables.map((t) => t.name)).not.toContain('tables');
    expect(tables.find((t) => t.name === 'notes')?.columns.map((c) => c.key)).not.toContain('table');
  });
});

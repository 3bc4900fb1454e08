import type { Axis, SheetPresence } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../i18n/translate';
import { groupSheets } from './groups';
import { SheetPresenceReporter } from './sheetPresence';

describe('telling the others where one is in a sheet', () => {
  it('sends the open sheet, the field and the caret, and nothing when nothing changed', () => {
    const sent: (SheetPresence | null)[] = [];
    const reporter = new SheetPresenceReporter((sheet) => sent.push(sheet));
    reporter.enter('budget');
    expect(sent).toEqual([]);
    reporter.open('s1');
    reporter.enter('budget');
    reporter.enter('budget');
    reporter.caret('objectives', 'AQKWAQQ=', 'AQKWAQQ=');
    reporter.caret('objectives', 'AQKWAQQ=', 'AQKWAQQ=');
    // Focus moved to the next field before the previous one's blur: the blur changes nothing.
    reporter.enter('risks');
    reporter.leave('objectives');
    reporter.leave('risks');
    reporter.close();
    expect(sent).toEqual([
      { id: 's1', field: null, anchor: null, head: null },
      { id: 's1', field: 'budget', anchor: null, head: null },
      { id: 's1', field: 'objectives', anchor: 'AQKWAQQ=', head: 'AQKWAQQ=' },
      { id: 's1', field: 'risks', anchor: null, head: null },
      { id: 's1', field: null, anchor: null, head: null },
      null,
    ]);
  });
});

describe('the plan’s columns', () => {
  const t = makeTranslator('fr');
  const axis = (id: string, title: string, order: string): Axis => ({
    id,
    title,
    description: '',
    order,
    createdAt: 0,
    table: null,
  });
  const sheet = (id: string, axisId: string | null) =>
    ({ id, axis: axisId, title: id }) as unknown as Parameters<typeof groupSheets>[1][number];

  it('has one column per axis in order, then "no axis" with the sheets of none or of a deleted axis', () => {
    const groups = groupSheets(
      t,
      [sheet('s1', 'a2'), sheet('s2', null), sheet('s3', 'a1'), sheet('s4', 'gone')],
      [axis('a1', 'Mobilités', 'a0'), axis('a2', ' ', 'a1')],
    );
    expect(groups.map((g) => [g.axis, g.label, g.sheets.map((s) => s.id)])).toEqual([
      ['a1', 'Axe 1 — Mobilités', ['s3']],
      ['a2', 'Axe 2', ['s1']],
      [null, 'Sans axe', ['s2', 's4']],
    ]);
  });
});

import type { ItemChange, StrategyChanges } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import {
  changeCount,
  changeSections,
  defaultPair,
  isLinkField,
  shownEditors,
  shownValue,
} from './changeDisplay';

const noChanges = (): StrategyChanges => ({
  notes: [],
  issues: [],
  axes: [],
  actions: [],
  partners: [],
  indicators: [],
});

const item = (id: string, change: ItemChange['change'], extra: Partial<ItemChange> = {}): ItemChange => ({
  id,
  change,
  label: id,
  fields: [],
  createdAt: null,
  author: null,
  authorGroup: null,
  ...extra,
});

describe('what changed, laid out for reading', () => {
  it('keeps the collections that changed, in the method’s order, added then changed then removed', () => {
    const changes = {
      ...noChanges(),
      indicators: [item('i1', 'added')],
      notes: [item('n1', 'removed'), item('n2', 'added'), item('n3', 'changed'), item('n4', 'added')],
    };
    const sections = changeSections(changes);
    expect(sections.map((s) => s.collection)).toEqual(['notes', 'indicators']);
    expect(sections[0]?.added.map((i) => i.id)).toEqual(['n2', 'n4']);
    expect(sections[0]?.changed.map((i) => i.id)).toEqual(['n3']);
    expect(sections[0]?.removed.map((i) => i.id)).toEqual(['n1']);
    expect(changeCount(changes)).toBe(5);
    expect(changeSections(noChanges())).toEqual([]);
  });

  it('shows values a person can read: text tidied, amounts, choices by their word, lists counted', () => {
    expect(shownValue('title', '  Mobilités   douces ')).toEqual({ kind: 'text', text: 'Mobilités douces' });
    expect(shownValue('title', '')).toEqual({ kind: 'empty' });
    expect(shownValue('budget', null)).toEqual({ kind: 'empty' });
    expect(shownValue('budget', 1250000)).toEqual({ kind: 'number', value: 1250000, euros: true });
    expect(shownValue('rank', 2)).toEqual({ kind: 'number', value: 2, euros: false });
    expect(shownValue('priority', 'high')).toEqual({ kind: 'choice', key: 'sheet.priority.high' });
    expect(shownValue('kind', 'sme')).toEqual({ kind: 'choice', key: 'plan.kind.sme' });
    expect(shownValue('notes', ['a', 'b'])).toEqual({ kind: 'count', n: 2 });
    expect(shownValue('milestones', [])).toEqual({ kind: 'empty' });
    expect(shownValue('process', { 'business-plan': 'done' })).toEqual({ kind: 'other' });
    const long = shownValue('text', 'x'.repeat(400));
    expect(long.kind === 'text' && long.text.length).toBe(160);
  });

  it('says a link to another item moved, without its ids', () => {
    expect(isLinkField('notes', 'issue')).toBe(true);
    expect(isLinkField('notes', 'theme')).toBe(true);
    expect(isLinkField('partners', 'action')).toBe(true);
    expect(isLinkField('notes', 'text')).toBe(false);
    expect(isLinkField('issues', 'notes')).toBe(false);
  });

  it('compares the last two sessions by default', () => {
    expect(defaultPair([{ workshopId: 'a' }, { workshopId: 'b' }, { workshopId: 'c' }])).toEqual(['b', 'c']);
    expect(defaultPair([{ workshopId: 'a' }])).toBeNull();
    expect(defaultPair([])).toBeNull();
  });

  it('names the last editors from the later session’s people, else by their group', () => {
    const changed = item('s1', 'changed', {
      editors: [
        { participant: 'p-marie', group: 'elected' },
        { participant: 'p-gone', group: 'staff' },
        { participant: null, group: null },
      ],
    });
    expect(shownEditors(changed, { 'p-marie': 'Marie' })).toEqual([
      { name: 'Marie', group: 'elected' },
      { name: null, group: 'staff' },
      { name: null, group: null },
    ]);
    expect(shownEditors(item('s2', 'added'), {})).toEqual([]);
  });
});

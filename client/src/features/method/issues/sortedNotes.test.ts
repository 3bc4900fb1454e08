import type { Theme } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { boardNote } from '../../../state/boardNote.fixture';
import { groupSortedNotes, themeCounts, titleFromNote } from './sortedNotes';

const note = (id: string, cluster: string | null, order = '', theme: string | null = null) =>
  boardNote(id, { text: id, author: 'p', cluster, order, theme, layer: 0 });

const theme = (id: string): Theme => ({ id, label: { fr: id, en: id }, color: '#123456', order: 0 });

describe('notes by issue', () => {
  it('groups sorted notes by issue in their order, ties by id, leaving out board notes and drafts', () => {
    const notes = {
      a: note('a', 'c1', 'a2'),
      b: note('b', 'c1', 'a1'),
      c: note('c', null),
      d: note('d', 'c2', 'a0'),
      e: note('e', 'c1', 'a1'),
      f: { ...note('f', 'c2', 'a1'), draft: true as const },
    };
    const grouped = groupSortedNotes(notes, new Map());
    expect(grouped.get('c1')?.map((n) => n.id)).toEqual(['b', 'e', 'a']);
    expect(grouped.get('c2')?.map((n) => n.id)).toEqual(['d']);
    expect(grouped.size).toBe(2);
  });

  it('keeps every array (and the map) when only board notes changed, so no issue re-renders', () => {
    const notes = { a: note('a', 'c1', 'a0'), b: note('b', null), c: note('c', 'c2', 'a0') };
    const first = groupSortedNotes(notes, new Map());
    const moved = { ...notes, b: { ...notes.b, x: 500 } };
    expect(groupSortedNotes(moved, first)).toBe(first);
    // A sorted note moved (by someone still on step 1) or restacked: its issue shows nothing new.
    const sortedMoved = { ...notes, a: { ...notes.a, x: 80, y: 40, z: 9, layer: 3 } };
    expect(groupSortedNotes(sortedMoved, first)).toBe(first);
    const edited = { ...notes, a: { ...notes.a, text: 'changed' } };
    const second = groupSortedNotes(edited, first);
    expect(second).not.toBe(first);
    expect(second.get('c2')).toBe(first.get('c2'));
    expect(second.get('c1')).not.toBe(first.get('c1'));
    const emptied = groupSortedNotes({ b: notes.b }, second);
    expect(emptied.size).toBe(0);
  });
});

describe('theme counts of an issue', () => {
  it('counts by theme, the most frequent first, ties in the themes’ order, untagged and unknown themes last', () => {
    const themes = [theme('mobility'), theme('digital'), theme('energy')];
    const notes = [
      note('a', 'c', '', 'digital'),
      note('b', 'c', '', 'mobility'),
      note('c', 'c', '', 'energy'),
      note('d', 'c', '', 'energy'),
      note('e', 'c', '', null),
      note('f', 'c', '', 'archived-theme'),
    ];
    expect(themeCounts(notes, themes).map(({ theme: t, count }) => [t?.id ?? null, count])).toEqual([
      ['energy', 2],
      ['mobility', 1],
      ['digital', 1],
      [null, 2],
    ]);
    expect(themeCounts([], themes)).toEqual([]);
  });
});

describe('an issue title from a note', () => {
  it('takes the first line, collapsed, and cuts a long one at a word', () => {
    expect(titleFromNote('  Pas de bus\nle dimanche')).toBe('Pas de bus');
    expect(titleFromNote('\n\n  Zones   blanches  ')).toBe('Zones blanches');
    expect(titleFromNote('')).toBe('');
    const long =
      'Les habitants des hameaux n’ont aucun moyen de transport pour rejoindre le bourg le dimanche';
    const title = titleFromNote(long);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(long.startsWith(title)).toBe(true);
    expect(long[title.length]).toBe(' ');
    expect(titleFromNote('x'.repeat(100))).toBe('x'.repeat(60));
  });
});

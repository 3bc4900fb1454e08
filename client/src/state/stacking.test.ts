import { describe, expect, it } from 'vitest';
import { Stacking, type StackKey } from './stacking';

const key = (id: string, z: number, createdAt = 0): StackKey => ({ id, z, createdAt });

/** Ids bottom to top, as the browser would stack them by layer. */
function drawn(stacking: Stacking, ids: string[]): string[] {
  return [...ids].sort((a, b) => stacking.layer(a) - stacking.layer(b));
}

describe('note stacking', () => {
  it('stacks notes by last move, then creation, then id', () => {
    const stacking = new Stacking();
    stacking.renumber([key('c', 5), key('a', 1), key('b', 1, 10), key('d', 1, 10)]);
    expect(drawn(stacking, ['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'd', 'c']);
  });

  it('brings a moved note to the top by changing that note only', () => {
    const stacking = new Stacking();
    stacking.renumber([key('a', 1), key('b', 2), key('c', 3)]);
    expect(stacking.update([key('a', 4)])).toEqual(new Set(['a']));
    expect(drawn(stacking, ['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
    // The top note moved again stays on top.
    expect(stacking.update([key('a', 5)])).toEqual(new Set(['a']));
    expect(drawn(stacking, ['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
  });

  it('slots a move that arrives late between its neighbours', () => {
    const stacking = new Stacking();
    stacking.renumber([key('a', 10), key('b', 20), key('c', 30)]);
    // Someone's clock is behind: their move lands between b and c.
    expect(stacking.update([key('a', 25)])).toEqual(new Set(['a']));
    expect(drawn(stacking, ['a', 'b', 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('lifts the notes above when a gap runs out, and keeps the order', () => {
    const stacking = new Stacking();
    stacking.renumber([key('low', 0), key('high', 1_000_000), key('top', 2_000_000)]);
    const ids = ['low', 'high', 'top'];
    let lifted: Set<string> | 'all' = new Set();
    // Each late move lands just above the previous one: the gap halves until it is gone.
    for (let i = 1; i < 20; i++) {
      ids.push(`n${i}`);
      const result = stacking.update([key(`n${i}`, i)]);
      if (result !== 'all' && result.size > 1) lifted = result;
    }
    expect(lifted).toEqual(new Set([expect.stringMatching(/^n/), 'high', 'top']));
    const expected = ['low', ...ids.filter((id) => id.startsWith('n')), 'high', 'top'];
    expect(drawn(stacking, ids)).toEqual(expected);
    expect(new Set(ids.map((id) => stacking.layer(id))).size).toBe(ids.length);
  });

  it('forgets deleted notes and stacks new ones on top', () => {
    const stacking = new Stacking();
    stacking.renumber([key('a', 1), key('b', 2)]);
    stacking.update([key('c', 3)], ['b']);
    expect(stacking.layer('b')).toBe(0);
    expect(drawn(stacking, ['a', 'c'])).toEqual(['a', 'c']);
    stacking.update([], ['c']);
    stacking.update([key('d', 4)]);
    expect(drawn(stacking, ['a', 'd'])).toEqual(['a', 'd']);
    stacking.update([key('e', 0)]);
    expect(drawn(stacking, ['a', 'd', 'e'])).toEqual(['e', 'a', 'd']);
  });

  it('ignores a change that leaves the stacking keys alone (text edits, theme)', () => {
    const stacking = new Stacking();
    stacking.renumber([key('a', 1), key('b', 2)]);
    expect(stacking.update([key('a', 1)])).toEqual(new Set());
  });

  it('renumbers the whole stack when the layers reach the limit', () => {
    const stacking = new Stacking(4, 20);
    stacking.renumber([key('a', 1), key('b', 2)]);
    expect(stacking.update([key('c', 3)])).toEqual(new Set(['c']));
    expect(stacking.update([key('d', 4)])).toEqual(new Set(['d']));
    expect(stacking.update([key('a', 5), key('e', 6)])).toBe('all');
    expect(drawn(stacking, ['a', 'b', 'c', 'd', 'e'])).toEqual(['b', 'c', 'd', 'a', 'e']);
  });

  it('numbers a first sync of many notes in one sort, in the same order as placing each', () => {
    const notes = Array.from({ length: 500 }, (_, i) => key(`n${i}`, (i * 7919) % 500, i));
    const bulk = new Stacking();
    expect(bulk.update(notes)).toBe('all');
    const oneByOne = new Stacking();
    for (const note of notes) oneByOne.update([note]);
    const ids = notes.map((note) => note.id);
    expect(drawn(bulk, ids)).toEqual(drawn(oneByOne, ids));
    // Later moves are placed one by one again.
    expect(bulk.update([key('n1', 10_000)])).toEqual(new Set(['n1']));
    expect(drawn(bulk, ids).at(-1)).toBe('n1');
  });
});

import { describe, expect, it } from 'vitest';
import { addRanked, dropRanked, moveRanked, rankAll, removeRanked, unrankedTargets } from './rankingOrder';

describe('moveRanked', () => {
  it('moves a target one place up or down, and returns the whole new order', () => {
    expect(moveRanked(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveRanked(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('does nothing past either end, or for a target not ranked', () => {
    expect(moveRanked(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moveRanked(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moveRanked(['a', 'b'], 'z', 1)).toBeNull();
  });

  it('never changes the order it was given', () => {
    const order = ['a', 'b', 'c'];
    moveRanked(order, 'c', -2);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('dropRanked', () => {
  it('puts the dragged target where the one it was dropped on was', () => {
    expect(dropRanked(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropRanked(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('does nothing when dropped on itself or outside the list', () => {
    expect(dropRanked(['a', 'b'], 'a', 'a')).toBeNull();
    expect(dropRanked(['a', 'b'], 'a', null)).toBeNull();
    expect(dropRanked(['a', 'b'], 'a', 'z')).toBeNull();
  });
});

describe('adding and taking out', () => {
  const targets = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

  it('adds a target at the end of the ranking, once', () => {
    expect(addRanked(['c'], 'a')).toEqual(['c', 'a']);
    expect(addRanked(['c', 'a'], 'a')).toEqual(['c', 'a']);
  });

  it('takes a target out of the ranking', () => {
    expect(removeRanked(['c', 'a', 'b'], 'a')).toEqual(['c', 'b']);
  });

  it('lists the targets not ranked in the round’s order', () => {
    expect(unrankedTargets(targets, ['d', 'b']).map((t) => t.id)).toEqual(['a', 'c']);
    expect(unrankedTargets(targets, [])).toEqual(targets);
  });

  it('ranks every target left after those ranked already', () => {
    expect(rankAll(['c'], targets)).toEqual(['c', 'a', 'b', 'd']);
  });
});

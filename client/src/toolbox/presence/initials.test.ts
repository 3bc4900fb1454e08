import { describe, expect, it } from 'vitest';
import { groupCode } from '../../ui/groupCode';
import { initials } from './PresenceBar';

describe('people and codes on screen', () => {
  it('makes initials from first and last names', () => {
    expect(initials('Léa Dupont')).toBe('LD');
    expect(initials('Jean-Marc de la Tour')).toBe('JT');
    expect(initials('Zoé')).toBe('ZO');
    expect(initials('  ')).toBe('?');
  });

  it('splits a join code in two halves to read it aloud', () => {
    expect(groupCode('ABC234')).toEqual(['ABC', '234']);
  });
});

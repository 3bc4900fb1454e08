import { describe, expect, it } from 'vitest';
import { matches, searchable } from './textSearch';

describe('searching a list as people type', () => {
  it('compares without accents, case or punctuation', () => {
    expect(searchable('  Écoles  maternelles / primaires ')).toBe('ecoles maternelles primaires');
    expect(searchable('Territoires d’industrie')).toBe('territoires d industrie');
    expect(searchable('crte_6.1')).toBe('crte 6 1');
  });

  it('matches every word of the query in any order, in any of the texts', () => {
    expect(matches('voyageurs transports', '90-82', 'Transports publics de voyageurs')).toBe(true);
    expect(matches('90-82', '90-82', 'Transports publics de voyageurs')).toBe(true);
    expect(matches('transports fret', 'Transports publics de voyageurs')).toBe(false);
  });

  it('matches the beginnings of words, not any letters inside them', () => {
    expect(matches('colle', 'Collèges')).toBe(true);
    expect(matches('22', '90-221', 'Collèges')).toBe(true);
    expect(matches('eges', 'Collèges')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matches('   ', 'anything')).toBe(true);
  });
});

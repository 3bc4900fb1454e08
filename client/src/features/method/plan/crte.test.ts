import { CRTE_INDICATORS, crteIndicator } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { CRTE_THEME_KEYS, crteFill, filterCrte } from './crte';

describe('picking an indicator from the CRTE list', () => {
  it('lists every indicator once, by theme, when nothing is typed', () => {
    const groups = filterCrte('');
    const ids = groups.flatMap((g) => g.indicators.map((i) => i.id));
    expect(ids.sort()).toEqual(CRTE_INDICATORS.map((i) => i.id).sort());
    expect(groups.every((g) => g.indicators.every((i) => (i.themes[0] ?? '') === g.theme))).toBe(true);
  });

  it('names every theme of the list in words', () => {
    const themes = new Set(CRTE_INDICATORS.flatMap((i) => i.themes));
    expect([...themes].filter((theme) => !(theme in CRTE_THEME_KEYS))).toEqual([]);
  });

  it('finds an indicator by words of its title, without accents, or by its id', () => {
    expect(filterCrte('emissions habitant').flatMap((g) => g.indicators.map((i) => i.id))).toContain(
      'cae_1.b',
    );
    expect(filterCrte('cae_1.a').flatMap((g) => g.indicators.map((i) => i.id))).toEqual(['cae_1.a']);
    expect(filterCrte('rien de tel ici')).toEqual([]);
  });

  it('fills the name and unit and keeps the id as the reference', () => {
    const indicator = crteIndicator('cae_1.a');
    if (!indicator) throw new Error('cae_1.a is in the list');
    expect(crteFill(indicator)).toEqual({
      name: 'Émissions de gaz à effet de serre',
      unit: 'kteq CO2',
      reference: 'cae_1.a',
    });
  });
});

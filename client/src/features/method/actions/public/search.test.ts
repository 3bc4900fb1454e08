import { M57_COMPETENCES, SGPE_LEVIERS } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { filterCompetences, filterLevers } from './search';

describe('searching the reference lists', () => {
  it('lists every heading with all its sub-competences when nothing is typed', () => {
    const groups = filterCompetences('');
    expect(groups.length + groups.reduce((n, g) => n + g.children.length, 0)).toBe(M57_COMPETENCES.length);
    expect(groups.every((g) => g.heading.parent === undefined)).toBe(true);
    expect(groups.every((g) => g.children.every((c) => c.parent === g.heading.code))).toBe(true);
  });

  it('finds a sub-competence by its name and shows it under its heading', () => {
    const groups = filterCompetences('colleges');
    expect(groups.map((g) => g.heading.code)).toEqual(['90-22']);
    expect(groups[0]?.children.map((c) => c.code)).toEqual(['90-221']);
  });

  it('finds a code with or without its dash, with the heading’s sub-competences', () => {
    for (const query of ['90-22', '9022']) {
      const groups = filterCompetences(query);
      const secondary = groups.find((g) => g.heading.code === '90-22');
      expect(secondary?.children.map((c) => c.code)).toEqual(['90-221', '90-222', '90-223']);
    }
  });

  it('shows nothing when nothing matches', () => {
    expect(filterCompetences('zzz introuvable')).toEqual([]);
  });

  it('lists levers whose label matches before those whose description does', () => {
    const all = filterLevers('');
    expect(all).toHaveLength(SGPE_LEVIERS.length);
    const wood = filterLevers('bois');
    expect(wood[0]?.label).toBe('Gestion des forêts et produits bois');
    const labels = wood.map((l) => l.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

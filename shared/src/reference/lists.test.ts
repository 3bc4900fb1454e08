import { describe, expect, it } from 'vitest';
import {
  CRTE_INDICATORS,
  crteIndicator,
  isSgpeLevier,
  M57_COMPETENCES,
  m57Competence,
  REFERENCE_SOURCES,
  SGPE_LEVIERS,
} from './lists';

describe('reference lists', () => {
  it('ship the M57 nomenclature of the beta.gouv schema: 156 codes, headings and their sub-competences', () => {
    expect(M57_COMPETENCES).toHaveLength(156);
    expect(M57_COMPETENCES.filter((c) => c.parent === undefined)).toHaveLength(54);
    expect(m57Competence('90-211')).toEqual({ code: '90-211', name: 'Ecoles maternelles', parent: '90-21' });
    // A heading with a three-digit code: the level is not read from the code's length.
    expect(m57Competence('90-025')).toEqual({ code: '90-025', name: 'Cimetières et pompes funèbres' });
    expect(m57Competence('90-999')).toBeUndefined();
  });

  it('ship the 50 levers of the ecological planning, matched exactly as published', () => {
    expect(SGPE_LEVIERS).toHaveLength(50);
    expect(isSgpeLevier('Gestion des haies')).toBe(true);
    expect(isSgpeLevier('gestion des haies')).toBe(false);
    // An example of the schema's own field description, not on the list.
    expect(isSgpeLevier('Rénovation énergétique')).toBe(false);
  });

  it('ship the 24 indicators of the CRTE category of Territoires en Transitions’ referential', () => {
    expect(CRTE_INDICATORS).toHaveLength(24);
    expect(crteIndicator('crte_6.1')).toEqual({
      id: 'crte_6.1',
      title: 'Linéaire d’aménagements cyclables sécurisés',
      unit: 'km',
      themes: expect.any(Array),
    });
    expect(crteIndicator('cae_1.a')?.unit).toBe('kteq CO2');
    expect(crteIndicator('crte_99')).toBeUndefined();
  });

  it('say where each list comes from', () => {
    for (const source of [REFERENCE_SOURCES.m57, REFERENCE_SOURCES.sgpe]) {
      expect(source.repository).toBe('betagouv/schema-projet-collectivites-transition-ecologique');
      expect(source.licence).toMatch(/etalab-2\.0/);
    }
    expect(REFERENCE_SOURCES.crte.repository).toBe('incubateur-ademe/territoires-en-transitions');
    for (const source of Object.values(REFERENCE_SOURCES)) expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

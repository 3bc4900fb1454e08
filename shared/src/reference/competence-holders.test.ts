import { describe, expect, it } from 'vitest';
import { TERRITORY_KINDS } from '../schema/enums';
import {
  COMPETENCE_HOLDERS_SOURCE,
  competenceCheck,
  competenceHolding,
  competenceNote,
} from './competence-holders';
import { M57_COMPETENCES } from './lists';

describe('competence check', () => {
  it('knows that schools are the municipality’s and not the department’s', () => {
    expect(competenceCheck('90-21', 'municipality')).toBe('held');
    expect(competenceCheck('90-21', 'department')).toBe('partner-required');
    // An intercommunality holds the schools its municipalities transferred to it.
    expect(competenceCheck('90-21', 'epci')).toBe('to-check');
    // A sub-competence without its own entry answers as its heading.
    expect(competenceCheck('90-211', 'municipality')).toBe('held');
  });

  it('splits secondary education: collèges to the department, lycées to the region', () => {
    expect(competenceCheck('90-22', 'department')).toBe('held');
    expect(competenceCheck('90-22', 'region')).toBe('held');
    expect(competenceCheck('90-221', 'department')).toBe('held');
    expect(competenceCheck('90-221', 'region')).toBe('partner-required');
    expect(competenceCheck('90-222', 'region')).toBe('held');
    expect(competenceCheck('90-222', 'department')).toBe('partner-required');
    expect(competenceCheck('90-22', 'municipality')).toBe('partner-required');
  });

  it('gives social action to the department (chef de file) and the municipality (CCAS), not the region', () => {
    expect(competenceCheck('90-42', 'department')).toBe('held');
    expect(competenceCheck('90-42', 'municipality')).toBe('held');
    expect(competenceCheck('90-42', 'region')).toBe('partner-required');
    expect(competenceCheck('90-411', 'department')).toBe('held');
  });

  it('lets each authority hold its own roads', () => {
    expect(competenceCheck('90-84', 'municipality')).toBe('held');
    expect(competenceCheck('90-84', 'department')).toBe('held');
    expect(competenceCheck('90-843', 'department')).toBe('held');
    expect(competenceCheck('90-843', 'municipality')).toBe('partner-required');
    expect(competenceCheck('90-845', 'municipality')).toBe('held');
  });

  it('shares culture, sport and tourism between the levels CGCT art. L1111-4 names', () => {
    for (const kind of ['municipality', 'department', 'region'] as const) {
      expect(competenceCheck('90-31', kind)).toBe('held');
      expect(competenceCheck('90-32', kind)).toBe('held');
      expect(competenceCheck('90-633', kind)).toBe('held');
    }
    // L1111-4 does not name intercommunalities: they hold culture only for what was transferred to them…
    expect(competenceCheck('90-31', 'epci')).toBe('to-check');
    // …but promoting tourism is compulsory for all of them.
    expect(competenceCheck('90-633', 'epci')).toBe('held');
  });

  it('never checks a syndicate or another body, nor a heading the law does not assign', () => {
    for (const { code } of M57_COMPETENCES) {
      expect(competenceCheck(code, 'syndicate')).toBe('to-check');
      expect(competenceCheck(code, 'other')).toBe('to-check');
    }
    for (const kind of TERRITORY_KINDS) expect(competenceCheck('90-83', kind)).toBe('to-check');
  });

  it('answers "to check" for a code outside the nomenclature rather than failing the screen', () => {
    expect(competenceCheck('90-999', 'municipality')).toBe('to-check');
    expect(competenceCheck('not a code', 'region')).toBe('to-check');
    expect(competenceNote('90-999')).toBeNull();
  });

  it('covers every M57 code, each with a French note and its sources', () => {
    expect(M57_COMPETENCES.filter((c) => c.parent === undefined)).toHaveLength(54);
    for (const { code } of M57_COMPETENCES) {
      const holding = competenceHolding(code);
      expect(holding, code).toBeDefined();
      expect(holding?.sources.length, code).toBeGreaterThan(0);
      expect(competenceNote(code), code).toMatch(/\.$/);
    }
    expect(competenceNote('90-21')).toMatch(/écoles/);
    expect(COMPETENCE_HOLDERS_SOURCE.read).toBe('2026-12-07');
  });
});

import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../i18n/translate';
import { formatTotal, groupName, modeName, modeSummary, refusalMessage, visibilityName } from './labels';

describe('round labels', () => {
  const t = makeTranslator('fr');
  it('names how a round is voted and who sees the choices', () => {
    expect(modeName(t, 'dots')).toBe('Vote par gommettes');
    expect(modeName(t, 'scoring')).toBe('Notation multicritère');
    expect(visibilityName(t, 'secret')).toBe('Secret');
    expect(visibilityName(t, 'open')).toBe('Ouvert');
    expect(modeName(t, 'judgment')).toBe('Jugement majoritaire');
    expect(modeName(t, 'points')).toBe('Répartition de points');
    expect(modeName(t, 'ranking')).toBe('Classement (méthode de Schulze)');
  });
  it('says a target’s result in its round’s terms', () => {
    const grades = ['Très bien', 'Bien', 'À rejeter'];
    expect(formatTotal(t, { mode: 'dots', grades: null }, 4)).toBe('4 gommettes');
    expect(formatTotal(t, { mode: 'scoring', grades: null }, 3.25)).toBe('3,3 / 5');
    expect(formatTotal(t, { mode: 'points', grades: null }, 1250)).toBe('1\u202f250 points');
    expect(formatTotal(t, { mode: 'points', grades: null }, 1)).toBe('1 point');
    expect(formatTotal(t, { mode: 'judgment', grades }, 1)).toBe('Bien');
    expect(formatTotal(t, { mode: 'ranking', grades: null }, 2)).toBe('bat 2 éléments');
  });
  it('sums up each mode’s rules in a line', () => {
    const round = { dots: null, criteria: null, grades: null, points: null };
    expect(modeSummary(t, { ...round, mode: 'points', points: { budget: 100 } })).toBe(
      '100 points à répartir par personne',
    );
    expect(modeSummary(t, { ...round, mode: 'judgment', grades: ['Pour', 'Neutre', 'Contre'] })).toContain(
      'Pour, Neutre, Contre',
    );
    expect(modeSummary(t, { ...round, mode: 'ranking' })).toContain('Schulze');
  });
  it('says a refused change in the round’s words: points over the budget are not dots', () => {
    const refusal = { code: 'over_budget', message: '' } as const;
    expect(refusalMessage(t, { mode: 'points' }, refusal)).toBe(t('votes.ballot.pointsOverBudget'));
    expect(refusalMessage(t, { mode: 'dots' }, refusal)).toBe(t('error.over_budget'));
  });
  it('names a group, and the small groups merged into "other"', () => {
    expect(groupName(t, { group: 'resident', merged: [], voters: 3, totals: {}, ranks: {} })).toBe(
      'Habitant·e',
    );
    expect(groupName(t, { group: 'other', merged: [], voters: 1, totals: {}, ranks: {} })).toBe(
      t('group.other'),
    );
    expect(
      groupName(t, { group: 'other', merged: ['elected', 'business'], voters: 2, totals: {}, ranks: {} }),
    ).toBe('Autres (dont Élu·e, Entreprise)');
  });
});

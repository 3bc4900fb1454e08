import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../i18n/translate';
import { groupName, modeName, visibilityName } from './labels';

describe('round labels', () => {
  const t = makeTranslator('fr');
  it('names how a round is voted and who sees the choices', () => {
    expect(modeName(t, 'dots')).toBe('Vote par gommettes');
    expect(modeName(t, 'scoring')).toBe('Notation multicritère');
    expect(visibilityName(t, 'secret')).toBe('Secret');
    expect(visibilityName(t, 'open')).toBe('Ouvert');
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

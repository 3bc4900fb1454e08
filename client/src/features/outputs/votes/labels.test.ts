import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../i18n/translate';
import { modeName, visibilityName } from './labels';

describe('round labels', () => {
  const t = makeTranslator('fr');
  it('names how a round is voted and who sees the choices', () => {
    expect(modeName(t, 'dots')).toBe('Vote par gommettes');
    expect(modeName(t, 'scoring')).toBe('Notation multicritère');
    expect(visibilityName(t, 'secret')).toBe('Secret');
    expect(visibilityName(t, 'open')).toBe('Ouvert');
  });
});

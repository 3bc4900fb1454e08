import { WRITE_DENIED_REASONS } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { fr } from './fr';
import { detectLocale } from './locale';
import { interpolate, translate, translatePlural } from './translate';

// Same keys and placeholders in both languages: wording.test.ts.
describe('translations', () => {
  it('says why for every reason the server refuses a write', () => {
    for (const reason of Object.values(WRITE_DENIED_REASONS))
      expect(Object.keys(fr), reason).toContain(`toast.denied.${reason}`);
    expect(translate('fr', 'toast.denied.not-yours')).toMatch(/^Cette contribution n’est pas la vôtre/);
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(interpolate('{a} et {b}', { a: 1 })).toBe('1 et {b}');
    expect(translate('fr', 'presence.you', { name: 'Léa' })).toBe('Léa (vous)');
  });

  it('picks plural forms by language rules', () => {
    expect(translatePlural('fr', 'presence.count', 0)).toBe('0 personne ici');
    expect(translatePlural('en', 'presence.count', 0)).toBe('0 people here');
    expect(translatePlural('en', 'presence.count', 1)).toBe('1 person here');
    expect(translatePlural('fr', 'connection.pending', 3)).toBe('3 modifications en attente');
  });

  it('detects a supported browser language and falls back to French', () => {
    expect(detectLocale(['en-GB', 'fr'])).toBe('en');
    expect(detectLocale(['de-DE'])).toBe('fr');
    expect(detectLocale([])).toBe('fr');
  });
});

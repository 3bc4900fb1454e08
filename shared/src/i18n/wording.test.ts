import { describe, expect, it } from 'vitest';
import { en } from './en';
import { type ExportKey, fr } from './fr';
import { frenchSpacing, translate, translatePlural } from './translate';
import { checkWording } from './wording';

/**
 * The reviewer's rules (wording.ts) on the exported files' words; the client's test runs them
 * on the screens' words.
 */
const noteMeansScore: ExportKey[] = ['votes.scoringRules', 'export.tables.result'];
const ideaIsStatus: ExportKey[] = ['sheet.status.idea'];

describe('the exported files’ words', () => {
  it.each(checkWording(fr, en, { noteMeansScore, ideaIsStatus }))('$rule', ({ problems }) => {
    expect(problems).toEqual([]);
  });

  it('makes the spaces of French punctuation no-break, except in spreadsheet headers', () => {
    expect(frenchSpacing('Lien copié ! Nouveau code ? Oui ; bien : ok')).toBe(
      'Lien copié\u202f! Nouveau code\u202f? Oui\u202f; bien\u00a0: ok',
    );
    expect(translate('fr', 'sheet.financing.gapMissing', { amount: '1 : 2' })).toBe(
      'Reste à financer\u00a0: 1 : 2',
    );
    expect(translate('fr', 'export.tables.processStep', { step: 'Étude' })).toBe('Démarche : Étude');
  });

  it('counts with real plurals', () => {
    expect(translatePlural('fr', 'votes.points', 1)).toBe('1 gommette');
    expect(translatePlural('fr', 'votes.points', 0)).toBe('0 gommette');
    expect(translatePlural('fr', 'votes.points', 4)).toBe('4 gommettes');
    expect(translatePlural('en', 'votes.points', 1)).toBe('1 dot');
    expect(translatePlural('en', 'votes.points', 0)).toBe('0 dots');
  });
});

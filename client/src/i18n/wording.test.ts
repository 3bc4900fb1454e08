import { checkWording, en as exportEn, fr as exportFr } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr, type ScreenKey } from './fr';
import { type MessageKey, translate, translatePlural } from './translate';

/**
 * The reviewer's rules (shared's `checkWording`) on the screens' words, and the screens' own:
 * distinct names for the facilitator's buttons. Shared's test runs the rules on the exported files' words.
 */

/** French keys where "note" is a score (criteria scoring) or the verb "noter", not a contribution. */
const noteMeansScore: ScreenKey[] = [
  'votes.weightTitle',
  'votes.form.criteriaHint',
  'votes.ballot.scored',
  'votes.ballot.gridCaption',
  'votes.ballot.gridHint',
  'votes.results.weightedScore',
];
/** French keys where "idée" is a sheet's status, not a contribution. */
const ideaIsStatus: ScreenKey[] = ['plan.status.idea', 'plan.overview.statusCounts'];

/** The buttons of the facilitator's bar and the board's tools: a facilitator must never mistake one for another. */
const BUTTONS: MessageKey[] = [
  'follow.start',
  'follow.stop',
  'follow.detach',
  'follow.again',
  'steps.free',
  'silent.start',
  'silent.reveal',
  'timer.open',
  'projector.open',
  'share.toggle',
  'participants.toggle',
  'tables.toggle',
  'tables.start',
  'tables.end',
  'themes.toggle',
  'filter.toggle',
  'filter.clear',
  'votes.toggle',
  'export.panel.title',
  'balance.toggle',
  'changes.toggle',
  'board.zoomFit',
  'board.addNote',
];

describe('the screens’ words', () => {
  it.each(checkWording(fr, en, { noteMeansScore, ideaIsStatus }))('$rule', ({ problems }) => {
    expect(problems).toEqual([]);
  });

  it('keeps each key in one dictionary: the screens’ or the exported files’', () => {
    const exported = new Set([...Object.keys(exportFr), ...Object.keys(exportEn)]);
    expect([...Object.keys(fr), ...Object.keys(en)].filter((key) => exported.has(key))).toEqual([]);
  });

  it('shows both dictionaries’ words, French typeset', () => {
    expect(translate('fr', 'steps.moveRoom', { step: 'Enjeux : prioriser' })).toBe(
      'Emmener toute la salle à l’étape «\u00a0Enjeux : prioriser\u00a0»',
    );
    expect(translate('fr', 'sheet.financing.gapMissing', { amount: '10 €' })).toBe(
      'Reste à financer\u00a0: 10 €',
    );
    expect(translate('en', 'steps.issues')).toBe(exportEn['steps.issues']);
  });

  it('gives the facilitator’s buttons names that differ, in both languages', () => {
    const dictionaries: Record<MessageKey, string>[] = [
      { ...exportFr, ...fr },
      { ...exportEn, ...en },
    ];
    for (const dictionary of dictionaries) {
      const names = BUTTONS.map((key) => dictionary[key].toLowerCase());
      expect(new Set(names).size, names.join(' | ')).toBe(names.length);
    }
    expect(fr['follow.stop']).toMatch(/suivez-moi/i);
    expect(fr['steps.free']).toMatch(/étape/i);
  });

  it('counts with real plurals', () => {
    expect(translatePlural('fr', 'silent.revealed', 1)).toBe('1 contribution révélée');
    expect(translatePlural('fr', 'silent.revealed', 4)).toBe('4 contributions révélées');
    expect(translatePlural('en', 'silent.revealed', 1)).toBe('1 note revealed');
    expect(translatePlural('en', 'silent.revealed', 0)).toBe('0 notes revealed');
  });
});

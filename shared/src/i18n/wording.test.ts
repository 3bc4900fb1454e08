import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr, type MessageKey } from './fr';
import { frenchSpacing, translate, translatePlural, typesetKey } from './translate';

/**
 * The reviewer's rules for the interface's words, pinned so a new label cannot break them:
 * one word for a note, real plurals, French typography, distinct names for the facilitator's
 * buttons.
 */
const keys = Object.keys(fr) as MessageKey[];
const frenchEntries = keys.map((key) => [key, fr[key]] as const);
const englishEntries = keys.map((key) => [key, en[key]] as const);

/** French keys where "note" is a score (criteria scoring) or the verb "noter", not a contribution. */
const NOTE_MEANS_SCORE = new Set<MessageKey>([
  'votes.weightTitle',
  'votes.scoringRules',
  'votes.form.criteriaHint',
  'votes.ballot.scored',
  'votes.ballot.gridCaption',
  'votes.ballot.gridHint',
  'votes.results.weighted',
  'export.tables.result',
]);

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
  'themes.toggle',
  'filter.toggle',
  'filter.clear',
  'votes.toggle',
  'export.panel.title',
  'board.zoomFit',
  'board.addNote',
];

describe('the interface’s words', () => {
  it('has the same keys in French and English, and every plural has both forms', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of keys) {
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (!plural) continue;
      const other = `${plural[1]}_${plural[2] === 'one' ? 'other' : 'one'}`;
      expect(keys, `${key} without ${other}`).toContain(other);
    }
  });

  it('writes real plurals, "…" and typographic apostrophes, in both languages', () => {
    for (const [key, text] of [...frenchEntries, ...englishEntries]) {
      expect(text, key).not.toMatch(/\((e?s|x)\)/);
      expect(text, key).not.toContain('...');
      expect(text, key).not.toContain("'");
    }
  });

  it('calls a note a "contribution" in French, never a post-it, a note or an idea', () => {
    for (const [key, template] of frenchEntries) {
      const text = template.replace(/\{\w+\}/g, '');
      expect(text, key).not.toMatch(/post-?it/i);
      if (key !== 'sheet.status.idea' && key !== 'plan.status.idea' && key !== 'plan.overview.statusCounts') {
        expect(text, key).not.toMatch(/\bidées?\b/i);
      }
      if (!NOTE_MEANS_SCORE.has(key)) expect(text, key).not.toMatch(/\bnotes?\b/i);
    }
  });

  it('calls a note a "note" in English, never a contribution or a post-it', () => {
    for (const [key, text] of englishEntries) expect(text, key).not.toMatch(/contribution|post-?it|sticky/i);
  });

  it('uses the glossary: dots are gommettes, the facilitator is l’animateur·rice', () => {
    for (const [key, text] of frenchEntries) {
      expect(text, key).not.toMatch(/\bpoints? (contre|pour|restants?|par personne)\b/i);
      expect(text, key).not.toMatch(/\bl’animation (guide|vous|va)\b/);
    }
  });

  it('puts a space before : ; ! ? and inside « » in French, made no-break when shown', () => {
    for (const [key, text] of frenchEntries) {
      expect(text, key).not.toMatch(/[^\s{(][;:!?»]/u);
      expect(text, key).not.toMatch(/«\S/u);
      const shown = translate('fr', key);
      if (typesetKey(key)) expect(shown, key).not.toMatch(/ [;:!?»]|« /);
      else expect(shown, key).toBe(text);
    }
    expect(translate('fr', 'steps.moveRoom', { step: 'Enjeux : prioriser' })).toBe(
      'Emmener toute la salle à l’étape «\u00a0Enjeux : prioriser\u00a0»',
    );
    expect(frenchSpacing('Lien copié ! Nouveau code ? Oui ; bien : ok')).toBe(
      'Lien copié\u202f! Nouveau code\u202f? Oui\u202f; bien\u00a0: ok',
    );
  });

  it('gives the facilitator’s buttons names that differ, in both languages', () => {
    for (const dictionary of [fr, en]) {
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

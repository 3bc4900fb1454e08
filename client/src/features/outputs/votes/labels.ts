import {
  type BallotRefusal,
  formatNumber,
  formatScore,
  type GroupBreakdown,
  type PublicRound,
} from '@atelier/shared';
import type { Translator } from '../../../i18n/translate';
import type { DotBlock } from './model';
import type { PointsBlock } from './points';

/**
 * A round's total for a target: dots (`7 gommettes`), a weighted score (`3,5 / 5`), points
 * (`40 points`), a majority grade's name, or the other targets a ranked one beats.
 */
export function formatTotal(
  t: Translator,
  round: Pick<PublicRound, 'mode' | 'grades'>,
  total: number,
): string {
  const n = formatNumber(t.locale, total);
  switch (round.mode) {
    case 'dots':
      return t.plural('votes.points', total, { n });
    case 'scoring':
      return t('votes.scoreOutOf', { score: formatScore(t.locale, total) });
    case 'points':
      return t.plural('votes.pointCount', total, { n });
    case 'judgment':
      return round.grades?.[total] ?? n;
    case 'ranking':
      return t.plural('votes.wins', total, { n });
  }
}

/** How a round is voted: "Vote par gommettes", "Jugement majoritaire"… */
export function modeName(t: Translator, mode: PublicRound['mode']): string {
  return t(`votes.mode.${mode}`);
}

/** Who sees the choices: "Secret" or "Ouvert". */
export function visibilityName(t: Translator, visibility: PublicRound['visibility']): string {
  return t(visibility === 'secret' ? 'votes.visibility.secret' : 'votes.visibility.open');
}

/** How a round is voted, in a line: "5 gommettes par personne, 2 au plus par élément"… */
export function modeSummary(
  t: Translator,
  round: Pick<PublicRound, 'mode' | 'dots' | 'criteria' | 'grades' | 'points'>,
): string {
  switch (round.mode) {
    case 'dots': {
      const dots = round.dots ?? { budget: 0, cap: 0, negative: false };
      const rules = t('votes.dotsRules', { budget: t.plural('votes.points', dots.budget), cap: dots.cap });
      return dots.negative ? `${rules} · ${t('votes.negativeAllowed')}` : rules;
    }
    case 'scoring':
      return t('votes.scoringRules', { criteria: (round.criteria ?? []).map((c) => c.label).join(', ') });
    case 'judgment': {
      const grades = round.grades ?? [];
      return t('votes.judgmentRules', { grades: grades.join(', '), worst: grades.at(-1) ?? '' });
    }
    case 'points':
      return t('votes.pointsRules', { budget: formatNumber(t.locale, round.points?.budget ?? 0) });
    case 'ranking':
      return t('votes.rankingRules');
  }
}

/** Why the ballot refused a change, in the round's own words (points over the budget are not dots). */
export function refusalMessage(
  t: Translator,
  round: Pick<PublicRound, 'mode'>,
  refusal: BallotRefusal,
): string {
  if (refusal.code === 'over_budget' && round.mode === 'points') return t('votes.ballot.pointsOverBudget');
  return t(`error.${refusal.code}`);
}

/** Why a points stepper does nothing now. */
export function pointsBlockReason(t: Translator, block: PointsBlock): string {
  return t(block === 'none_left' ? 'votes.ballot.noPointsLeft' : 'votes.ballot.noPointsPlaced');
}

/** Why a dot button does nothing now, for its tooltip and for screen readers. */
export function dotBlockReason(t: Translator, block: DotBlock): string {
  switch (block) {
    case 'against_placed':
      return t('votes.ballot.againstPlaced');
    case 'for_placed':
      return t('votes.ballot.forPlaced');
    case 'none_placed':
      return t('votes.ballot.nonePlaced');
    default:
      return t(`error.${block}`);
  }
}

/** "Habitant·e", or "Autres (dont Élu·e, Entreprise)" when small groups were merged into it. */
export function groupName(t: Translator, group: GroupBreakdown): string {
  if (group.group !== 'other' || group.merged.length === 0) return t(`group.${group.group}`);
  return t('votes.results.merged', { groups: group.merged.map((g) => t(`group.${g}`)).join(', ') });
}

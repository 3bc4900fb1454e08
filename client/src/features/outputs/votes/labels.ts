import { formatNumber, formatScore, type GroupBreakdown, type PublicRound } from '@atelier/shared';
import type { Translator } from '../../../i18n/translate';
import type { DotBlock } from './model';

/** A round's total for a target: dots (`7 points`) or a weighted score (`3,5 / 5`). */
export function formatTotal(t: Translator, mode: PublicRound['mode'], total: number): string {
  return mode === 'dots'
    ? t.plural('votes.points', total, { n: formatNumber(t.locale, total) })
    : t('votes.scoreOutOf', { score: formatScore(t.locale, total) });
}

/** How a round is voted: "Vote par gommettes" or "Notation multicritère". */
export function modeName(t: Translator, mode: PublicRound['mode']): string {
  return t(mode === 'dots' ? 'votes.mode.dots' : 'votes.mode.scoring');
}

/** Who sees the choices: "Secret" or "Ouvert". */
export function visibilityName(t: Translator, visibility: PublicRound['visibility']): string {
  return t(visibility === 'secret' ? 'votes.visibility.secret' : 'votes.visibility.open');
}

/** How a round is voted, in a line: "Gommettes · 5 points, 2 au plus par élément". */
export function modeSummary(t: Translator, round: Pick<PublicRound, 'mode' | 'dots' | 'criteria'>): string {
  if (round.mode === 'dots' && round.dots) {
    const rules = t('votes.dotsRules', {
      budget: t.plural('votes.points', round.dots.budget),
      cap: round.dots.cap,
    });
    return round.dots.negative ? `${rules} · ${t('votes.negativeAllowed')}` : rules;
  }
  return t('votes.scoringRules', { criteria: (round.criteria ?? []).map((c) => c.label).join(', ') });
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

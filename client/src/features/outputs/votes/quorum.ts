import type { ParticipantGroup, QuorumOutcome, RoundResults, WeightedResults } from '@atelier/shared';
import type { Translator } from '../../../i18n/translate';
import type { RankedRow } from './model';

/**
 * The words and rows of a round's decision options (docs/votes.md, "Rounds"): the quorum per
 * group, live in the facilitator's progress, in the reveal's confirmation and in the results;
 * and the result where each group weighs the same, as rows the result charts draw.
 */

type QuorumGroup = QuorumOutcome['groups'][number];

const groupWord = (t: Translator, group: ParticipantGroup) => t(`group.${group}`);

/** A group's part, live: `3/5 ont voté · quorum de 50 % atteint`. */
export function quorumGroupLine(t: Translator, percent: number, group: QuorumGroup): string {
  return t.plural('votes.quorum.groupLine', group.voted, {
    voted: group.voted,
    expected: group.expected,
    status: t(group.met ? 'votes.quorum.met' : 'votes.quorum.notMet', { percent }),
  });
}

/** The groups short of the quorum, each with its count: `Élu·e 1/3, Habitant·e 0/2`. */
export function shortGroups(t: Translator, outcome: QuorumOutcome): string {
  return outcome.groups
    .filter((g) => !g.met)
    .map((g) => `${groupWord(t, g.group)} ${g.voted}/${g.expected}`)
    .join(', ');
}

/** The overall line of the live view: every group has reached it, or how many have not. */
export function quorumSummary(t: Translator, outcome: QuorumOutcome): string {
  if (outcome.groups.length === 0) return t('votes.quorum.nobody', { percent: outcome.percent });
  if (outcome.met) return t('votes.quorum.allMet', { percent: outcome.percent });
  const short = outcome.groups.filter((g) => !g.met).length;
  return t.plural('votes.quorum.someShort', short, {
    percent: outcome.percent,
    groups: shortGroups(t, outcome),
  });
}

/**
 * The results' line about the quorum as it stood at the reveal: met, with every group's count;
 * or not, naming the groups short of it, revealed anyway.
 */
export function resultsQuorumLine(t: Translator, outcome: QuorumOutcome): string {
  if (outcome.met)
    return t('votes.results.quorumMet', {
      percent: outcome.percent,
      groups: outcome.groups.map((g) => `${groupWord(t, g.group)} ${g.voted}/${g.expected}`).join(', '),
    });
  return t('votes.results.quorumNotMet', { percent: outcome.percent, groups: shortGroups(t, outcome) });
}

/** Which of the two results is shown: the plain one, or the one where each group weighs the same. */
export type ResultView = 'plain' | 'weighted';

/**
 * The weighted result as rows of the result charts, in its own order: each target's weighted
 * rank, total (dots and points to one decimal, as a bar reads them) and, in majority judgment,
 * its profile of shares and gauge. Labels, deletion and how many people gave it anything are the
 * plain rows' (the same voters); dots for and against are not split in the weighted count.
 */
export function weightedRows(
  round: { mode: string },
  plain: readonly RankedRow[],
  weighted: Pick<WeightedResults, 'targets' | 'ties'>,
): RankedRow[] {
  const byId = new Map(plain.map((row) => [row.targetId, row]));
  const tied = new Set(weighted.ties.flat());
  const oneDecimal = round.mode === 'dots' || round.mode === 'points';
  return weighted.targets.map((line) => {
    const row = byId.get(line.targetId);
    return {
      targetId: line.targetId,
      label: row?.label ?? line.targetId,
      deleted: row?.deleted ?? true,
      rank: line.rank,
      tied: tied.has(line.targetId),
      total: oneDecimal ? Math.round(line.total * 10) / 10 : line.total,
      positive: 0,
      negative: 0,
      voters: row?.voters ?? 0,
      profile: line.profile,
      gauge: line.gauge,
    };
  });
}

/** The groups the weighted result weighs, named as the breakdown by group names them. */
export function weightedGroupNames(
  t: Translator,
  results: Pick<RoundResults, 'byGroup'> & { weighted: Pick<WeightedResults, 'groups'> },
): string {
  return results.weighted.groups
    .map((group) => {
      const shown = results.byGroup.find((g) => g.group === group);
      if (group === 'other' && shown && shown.merged.length > 0)
        return t('votes.results.merged', { groups: shown.merged.map((g) => groupWord(t, g)).join(', ') });
      return groupWord(t, group);
    })
    .join(', ');
}

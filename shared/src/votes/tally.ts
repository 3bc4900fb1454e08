import { PARTICIPANT_GROUPS, type ParticipantGroup } from '../schema/enums';
import { ballotCast, type TallyBallot, type TallyRound } from './ballot';
import { pairwiseMatrix, schulze } from './condorcet';
import { meritProfiles, rankByMajorityJudgment } from './majority-judgment';
import { competitionRanks, round3, tiesOf } from './ranks';
import type { CriterionResult, GroupBreakdown, RoundResults, TargetResult } from './round';
import { weightedResults } from './weighting';

export type { TallyBallot, TallyRound } from './ballot';

/** Groups with fewer voters than this are not shown on their own: their votes could be guessed. */
export const MIN_GROUP_VOTERS = 3;

/**
 * The results of a round: per target its total, rank (ties share one), voters and the mode's
 * details (criteria statistics, merit profile and majority gauge); the ties; the pairwise matrix
 * of a ranking; and the breakdown by participant group where no group of fewer than
 * `MIN_GROUP_VOTERS` voters shows on its own. Pure: the server runs it at the reveal.
 */
export function tallyRound(round: TallyRound, ballots: readonly TallyBallot[]): RoundResults {
  const cast = ballots.filter(ballotCast);
  const { order, pairwise } = countRound(round, cast);
  const buckets = groupBuckets(votersByGroup(cast));
  return {
    voters: cast.length,
    targets: order,
    ties: tiesOf(order),
    byGroup: groupBreakdown(round, cast, buckets),
    pairwise,
    weighted: round.collegeWeighting ? weightedResults(round, cast, buckets) : null,
    quorum: null,
  };
}

/** How many ballots each group cast. */
function votersByGroup(ballots: readonly TallyBallot[]): Map<ParticipantGroup, number> {
  const counts = new Map<ParticipantGroup, number>();
  for (const ballot of ballots) counts.set(ballot.group, (counts.get(ballot.group) ?? 0) + 1);
  return counts;
}

/** Per target, best first, with its rank (equal ones share it, in the round's order); a ranking's matrix. */
function countRound(
  round: TallyRound,
  ballots: readonly TallyBallot[],
): { order: TargetResult[]; pairwise: number[][] | null } {
  const ids = round.targets.map((t) => t.id);
  const blank = { total: 0, positive: 0, negative: 0, voters: 0, criteria: [], profile: [], gauge: null };
  if (round.mode === 'judgment') {
    const scale = round.grades?.length ?? 0;
    const profiles = meritProfiles(
      ids,
      ballots.map((b) => b.grades),
      scale,
    );
    const judged = rankByMajorityJudgment(
      ids.map((targetId) => ({ targetId, profile: profiles.get(targetId) ?? [] })),
    );
    return {
      order: judged.map(({ targetId, rank, profile, gauge }) => ({
        ...blank,
        targetId,
        rank,
        total: gauge?.grade ?? scale - 1,
        voters: ballots.filter((b) => b.grades[targetId] !== undefined).length,
        profile,
        gauge: gauge && { ...gauge, above: round3(gauge.above), below: round3(gauge.below) },
      })),
      pairwise: null,
    };
  }
  if (round.mode === 'ranking') {
    const pairwise = pairwiseMatrix(
      ids,
      ballots.map((b) => b.ranking),
    );
    const { ranking } = schulze(ids, pairwise);
    return {
      order: ranking.map(({ targetId, rank, wins }) => ({
        ...blank,
        targetId,
        rank,
        total: wins,
        voters: ballots.filter((b) => b.ranking.includes(targetId)).length,
      })),
      pairwise,
    };
  }
  const totals = targetTotals(round, ballots);
  const order = round.targets.map((t, index) => ({ ...blank, targetId: t.id, index, ...totals.get(t.id) }));
  // Best first; equal totals keep the round's order (and share a rank).
  order.sort((a, b) => b.total - a.total || a.index - b.index);
  const ranks = competitionRanks(order, (a, b) => a.total === b.total);
  return {
    order: order.map(({ index: _, ...entry }, position) => ({
      ...entry,
      rank: ranks[position] ?? position + 1,
    })),
    pairwise: null,
  };
}

interface Totals {
  total: number;
  positive: number;
  negative: number;
  voters: number;
  criteria: CriterionResult[];
}

/** Per target id: its totals over `ballots` (ballots that hold something): dots, scoring, points. */
function targetTotals(round: TallyRound, ballots: readonly TallyBallot[]): Map<string, Totals> {
  const result = new Map<string, Totals>();
  for (const target of round.targets) {
    if (round.mode === 'dots' || round.mode === 'points') {
      let positive = 0;
      let negative = 0;
      let voters = 0;
      for (const ballot of ballots) {
        const n = (round.mode === 'dots' ? ballot.dots : ballot.points)[target.id] ?? 0;
        if (n > 0) positive += n;
        if (n < 0) negative -= n;
        if (n !== 0) voters++;
      }
      result.set(target.id, { total: positive - negative, positive, negative, voters, criteria: [] });
    } else {
      const criteria = (round.criteria ?? []).map((criterion) => {
        const scores = ballots
          .map((b) => b.scores[target.id]?.[criterion.id])
          .filter((s): s is number => s !== undefined);
        return { criterion, stats: scoreStats(criterion.id, scores) };
      });
      let weighted = 0;
      let weights = 0;
      for (const { criterion, stats } of criteria) {
        if (stats.count === 0) continue;
        weighted += stats.mean * criterion.weight;
        weights += criterion.weight;
      }
      const voters = ballots.filter((b) => Object.keys(b.scores[target.id] ?? {}).length > 0).length;
      result.set(target.id, {
        total: weights > 0 ? round3(weighted / weights) : 0,
        positive: 0,
        negative: 0,
        voters,
        criteria: criteria.map((c) => c.stats),
      });
    }
  }
  return result;
}

function scoreStats(criterionId: string, scores: number[]): CriterionResult {
  if (scores.length === 0) return { criterionId, mean: 0, median: 0, count: 0 };
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const mean = sorted.reduce((sum, s) => sum + s, 0) / sorted.length;
  return { criterionId, mean: round3(mean), median, count: sorted.length };
}

/**
 * Which groups are shown, each with the groups folded into it. Groups under the minimum go
 * into `other`; while `other` is then non-empty but still under the minimum, the smallest
 * shown group joins it too — otherwise subtracting the shown groups from the totals would give
 * away the small group's votes. Below the minimum in all, everything is one `other` bucket.
 */
export function groupBuckets(
  votersByGroup: ReadonlyMap<ParticipantGroup, number>,
): Map<ParticipantGroup, ParticipantGroup[]> {
  const shown = new Map<ParticipantGroup, number>();
  const merged: ParticipantGroup[] = [];
  let other = votersByGroup.get('other') ?? 0;
  for (const group of PARTICIPANT_GROUPS) {
    const voters = votersByGroup.get(group) ?? 0;
    if (group === 'other' || voters === 0) continue;
    if (voters < MIN_GROUP_VOTERS) {
      merged.push(group);
      other += voters;
    } else shown.set(group, voters);
  }
  while (other > 0 && other < MIN_GROUP_VOTERS && shown.size > 0) {
    const [smallest] =
      [...shown].sort(
        (a, b) => a[1] - b[1] || PARTICIPANT_GROUPS.indexOf(b[0]) - PARTICIPANT_GROUPS.indexOf(a[0]),
      )[0] ?? [];
    if (!smallest) break;
    other += shown.get(smallest) ?? 0;
    shown.delete(smallest);
    merged.push(smallest);
  }
  const buckets = new Map<ParticipantGroup, ParticipantGroup[]>();
  for (const group of PARTICIPANT_GROUPS) {
    if (shown.has(group)) buckets.set(group, [group]);
  }
  if (other > 0)
    buckets.set('other', [
      'other',
      ...merged.sort((a, b) => PARTICIPANT_GROUPS.indexOf(a) - PARTICIPANT_GROUPS.indexOf(b)),
    ]);
  return buckets;
}

function groupBreakdown(
  round: TallyRound,
  ballots: readonly TallyBallot[],
  buckets: ReadonlyMap<ParticipantGroup, ParticipantGroup[]>,
): GroupBreakdown[] {
  const breakdown: GroupBreakdown[] = [];
  for (const [group, members] of buckets) {
    const inBucket = ballots.filter((b) => members.includes(b.group));
    const totals: Record<string, number> = {};
    const ranks: Record<string, number> = {};
    for (const target of countRound(round, inBucket).order) {
      totals[target.targetId] = target.total;
      ranks[target.targetId] = target.rank;
    }
    breakdown.push({
      group,
      voters: inBucket.length,
      merged: members.filter((m) => m !== group),
      totals,
      ranks,
    });
  }
  return breakdown;
}

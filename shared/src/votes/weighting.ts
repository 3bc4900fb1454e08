import type { ParticipantGroup } from '../schema/enums';
import type { TallyBallot, TallyRound } from './ballot';
import { pairwiseMatrix, schulze } from './condorcet';
import { compareGaugesOf, majorityGauge } from './majority-judgment';
import { competitionRanks, round3, tiesOf } from './ranks';
import type { WeightedLine, WeightedResults } from './round';

/**
 * College weighting (issue 20 §2): the result where each group weighs the same, shown beside the
 * plain one. The groups are those the breakdown shows (`groupBuckets`: groups under 3 voters
 * merged into "other"), so weighting never singles out a ballot the breakdown keeps secret. Each
 * ballot of a group of n voters weighs N / (G × n), N the voters in all and G the groups: every
 * group then carries N / G, and the weights still add up to N, so a weighted total reads in the
 * same units as the plain one (dots, points). Scoring takes weighted means; majority judgment a
 * profile of weighted shares, ranked by the majority gauge alone (majority values take whole
 * votes away, which weighted votes are not); a ranking the Schulze method on the weighted
 * pairwise matrix.
 */
export function weightedResults(
  round: TallyRound,
  ballots: readonly TallyBallot[],
  buckets: ReadonlyMap<ParticipantGroup, readonly ParticipantGroup[]>,
): WeightedResults {
  const bucketOf = new Map<ParticipantGroup, ParticipantGroup>();
  for (const [bucket, members] of buckets) for (const member of members) bucketOf.set(member, bucket);
  const sizes = new Map<ParticipantGroup, number>();
  for (const ballot of ballots) {
    const bucket = bucketOf.get(ballot.group) ?? 'other';
    sizes.set(bucket, (sizes.get(bucket) ?? 0) + 1);
  }
  const weights = ballots.map((ballot) => {
    const size = sizes.get(bucketOf.get(ballot.group) ?? 'other') ?? 1;
    return ballots.length / (sizes.size * size);
  });
  const { lines, pairwise } = weightedLines(round, ballots, weights);
  return { groups: [...buckets.keys()], targets: lines, ties: tiesOf(lines), pairwise };
}

function weightedLines(
  round: TallyRound,
  ballots: readonly TallyBallot[],
  weights: readonly number[],
): { lines: WeightedLine[]; pairwise: number[][] | null } {
  const ids = round.targets.map((t) => t.id);
  const weighOf = (b: number) => weights[b] ?? 0;
  if (round.mode === 'ranking') {
    const matrix = pairwiseMatrix(
      ids,
      ballots.map((b) => b.ranking),
      weights,
    ).map((row) => row.map(round3));
    const { ranking } = schulze(ids, matrix);
    return {
      lines: ranking.map(({ targetId, rank, wins }) => ({
        targetId,
        rank,
        total: wins,
        profile: [],
        gauge: null,
      })),
      pairwise: matrix,
    };
  }
  if (round.mode === 'judgment') {
    const scale = round.grades?.length ?? 0;
    const shares = ids.map((id) => {
      const profile = new Array<number>(scale).fill(0);
      for (const [b, ballot] of ballots.entries()) {
        const given = ballot.grades[id];
        const grade = given !== undefined && given >= 0 && given < scale ? given : scale - 1;
        profile[grade] = (profile[grade] ?? 0) + weighOf(b);
      }
      const total = profile.reduce((sum, n) => sum + n, 0);
      return { targetId: id, profile: profile.map((n) => (total > 0 ? round3(n / total) : 0)) };
    });
    const order = shares
      .map((entry, index) => ({ ...entry, index }))
      .sort((a, b) => compareGaugesOf(a.profile, b.profile) || a.index - b.index);
    const ranks = competitionRanks(order, (a, b) => compareGaugesOf(a.profile, b.profile) === 0);
    return {
      lines: order.map(({ targetId, profile }, position) => {
        const gauge = majorityGauge(profile);
        return {
          targetId,
          rank: ranks[position] ?? position + 1,
          total: gauge?.grade ?? scale - 1,
          profile,
          gauge: gauge && { ...gauge, above: round3(gauge.above), below: round3(gauge.below) },
        };
      }),
      pairwise: null,
    };
  }
  const totals = ids.map((targetId, index) => ({
    targetId,
    index,
    total: round3(weightedTotal(round, ballots, weights, targetId)),
  }));
  totals.sort((a, b) => b.total - a.total || a.index - b.index);
  const ranks = competitionRanks(totals, (a, b) => a.total === b.total);
  return {
    lines: totals.map(({ targetId, total }, position) => ({
      targetId,
      rank: ranks[position] ?? position + 1,
      total,
      profile: [],
      gauge: null,
    })),
    pairwise: null,
  };
}

/** Dots or points: the weighted sum; scoring: the criteria's weighted means, weighted by the criteria's weights. */
function weightedTotal(
  round: TallyRound,
  ballots: readonly TallyBallot[],
  weights: readonly number[],
  targetId: string,
): number {
  if (round.mode === 'dots' || round.mode === 'points') {
    let total = 0;
    for (const [b, ballot] of ballots.entries())
      total += (weights[b] ?? 0) * ((round.mode === 'dots' ? ballot.dots : ballot.points)[targetId] ?? 0);
    return total;
  }
  let weighted = 0;
  let criteriaWeights = 0;
  for (const criterion of round.criteria ?? []) {
    let sum = 0;
    let weightOfScores = 0;
    for (const [b, ballot] of ballots.entries()) {
      const score = ballot.scores[targetId]?.[criterion.id];
      if (score === undefined) continue;
      sum += (weights[b] ?? 0) * score;
      weightOfScores += weights[b] ?? 0;
    }
    if (weightOfScores === 0) continue;
    weighted += (sum / weightOfScores) * criterion.weight;
    criteriaWeights += criterion.weight;
  }
  return criteriaWeights > 0 ? weighted / criteriaWeights : 0;
}

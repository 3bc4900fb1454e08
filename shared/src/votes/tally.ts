import { PARTICIPANT_GROUPS, type ParticipantGroup } from '../schema/enums';
import { ballotCast } from './ballot';
import { competitionRanks } from './ranks';
import type {
  Ballot,
  CriterionResult,
  GroupBreakdown,
  PublicRound,
  RoundResults,
  TargetResult,
} from './round';

/** A stored ballot with the voter's group: what the tally reads (never published as such). */
export interface TallyBallot extends Pick<Ballot, 'dots' | 'scores'> {
  participantId: string;
  group: ParticipantGroup;
}

type TallyRound = Pick<PublicRound, 'mode' | 'targets' | 'criteria'>;

/** Groups with fewer voters than this are not shown on their own: their votes could be guessed. */
export const MIN_GROUP_VOTERS = 3;

/** Totals are kept to this many decimals, so equal means compare equal. */
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The results of a round: per target its total, rank (ties share one), voters and criteria
 * statistics; the ties; and the breakdown by participant group where no group of fewer than
 * `MIN_GROUP_VOTERS` voters shows on its own. Pure: the server runs it at the reveal.
 */
export function tallyRound(round: TallyRound, ballots: readonly TallyBallot[]): RoundResults {
  const cast = ballots.filter(ballotCast);
  const totals = targetTotals(round, cast);
  const order = round.targets.map((t, index) => ({ id: t.id, index, ...totals.get(t.id) }));
  // Best first; equal totals keep the round's order (and share a rank below).
  order.sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.index - b.index);

  const ranks = competitionRanks(order, (a, b) => (a.total ?? 0) === (b.total ?? 0));
  const targets: TargetResult[] = [];
  const ties: string[][] = [];
  order.forEach((entry, position) => {
    const rank = ranks[position] ?? position + 1;
    const previous = targets[position - 1];
    if (previous !== undefined && previous.rank === rank) {
      const group = ties[ties.length - 1];
      if (group?.includes(previous.targetId)) group.push(entry.id);
      else ties.push([previous.targetId, entry.id]);
    }
    const total = entry.total ?? 0;
    targets.push({
      targetId: entry.id,
      rank,
      total,
      positive: entry.positive ?? 0,
      negative: entry.negative ?? 0,
      voters: entry.voters ?? 0,
      criteria: entry.criteria ?? [],
    });
  });

  return { voters: cast.length, targets, ties, byGroup: groupBreakdown(round, cast) };
}

interface Totals {
  total: number;
  positive: number;
  negative: number;
  voters: number;
  criteria: CriterionResult[];
}

/** Per target id: its totals over `ballots` (ballots that hold something). */
function targetTotals(round: TallyRound, ballots: readonly TallyBallot[]): Map<string, Totals> {
  const result = new Map<string, Totals>();
  for (const target of round.targets) {
    if (round.mode === 'dots') {
      let positive = 0;
      let negative = 0;
      let voters = 0;
      for (const ballot of ballots) {
        const n = ballot.dots[target.id] ?? 0;
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

function groupBreakdown(round: TallyRound, ballots: readonly TallyBallot[]): GroupBreakdown[] {
  const votersByGroup = new Map<ParticipantGroup, number>();
  for (const ballot of ballots) votersByGroup.set(ballot.group, (votersByGroup.get(ballot.group) ?? 0) + 1);
  const breakdown: GroupBreakdown[] = [];
  for (const [group, members] of groupBuckets(votersByGroup)) {
    const inBucket = ballots.filter((b) => members.includes(b.group));
    const totals: Record<string, number> = {};
    for (const [id, t] of targetTotals(round, inBucket)) totals[id] = t.total;
    breakdown.push({
      group,
      voters: inBucket.length,
      merged: members.filter((m) => m !== group),
      totals,
    });
  }
  return breakdown;
}

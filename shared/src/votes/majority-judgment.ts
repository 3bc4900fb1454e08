import { competitionRanks } from './ranks';

/**
 * Majority judgment (jugement majoritaire; Balinski and Laraki, "Majority Judgment", MIT Press,
 * 2011): each voter grades every target on a scale of named grades; a target's majority grade is
 * the median of its grades, and targets are ranked by their majority gauge.
 *
 * Grades are indexes into the scale, **0 the best** (the default French scale, round.ts
 * `DEFAULT_GRADE_LABELS`: Excellent, Très bien, Bien, Assez bien, Passable, Insuffisant, À rejeter). A merit profile counts the votes of
 * each grade, best first.
 */

/**
 * A target's majority gauge: its majority grade, and whether the votes strictly better than it
 * outweigh those strictly worse (`+`, by the share better) or not (`-`, by the share worse).
 */
export interface MajorityGauge {
  /** The majority grade: the lower median (of an even number of votes, the worse middle one). */
  grade: number;
  sign: '+' | '-';
  /** The share of votes strictly better than the majority grade (0–1). */
  above: number;
  /** The share of votes strictly worse. */
  below: number;
}

/** The number of votes in a merit profile. */
function votesOf(profile: readonly number[]): number {
  return profile.reduce((sum, n) => sum + n, 0);
}

/**
 * The majority grade of a merit profile (counts per grade, best first): the grade that at least
 * half the voters give or better and at least half give or worse, the worse of two when the
 * votes split evenly (Balinski–Laraki's lower middlemost). `null` without votes.
 */
export function majorityGrade(profile: readonly number[]): number | null {
  const votes = votesOf(profile);
  if (votes === 0) return null;
  // The vote at position ⌊n/2⌋ (0-based) of the votes sorted best first: the first grade at
  // which more than half the votes are seen (the same for whole counts; it also reads a profile
  // of weighted votes, `weighting.ts`).
  let seen = 0;
  for (const [grade, count] of profile.entries()) {
    seen += count;
    if (seen > votes / 2) return grade;
  }
  return profile.length - 1;
}

/** The majority gauge of a merit profile; `null` without votes. */
export function majorityGauge(profile: readonly number[]): MajorityGauge | null {
  const grade = majorityGrade(profile);
  if (grade === null) return null;
  const votes = votesOf(profile);
  const better = profile.slice(0, grade).reduce((sum, n) => sum + n, 0);
  const worse = profile.slice(grade + 1).reduce((sum, n) => sum + n, 0);
  const above = better / votes;
  const below = worse / votes;
  return { grade, sign: better > worse ? '+' : '-', above, below };
}

/**
 * Orders two merit profiles, best first (negative: `a` before `b`; 0: tied). By majority gauge:
 * the better majority grade; at equal grades `+` before `-`; two `+` by the larger share above,
 * two `-` by the smaller share below (the usual tie-breaking: the share above against the share
 * below the majority grade). Profiles still equal on the gauge are ordered by their majority
 * values: one vote of the majority grade is taken from each and the gauges compared again, until
 * they differ or a profile runs out of votes. A profile without votes comes last.
 */
export function compareMerit(a: readonly number[], b: readonly number[]): number {
  let left = [...a];
  let right = [...b];
  for (;;) {
    const ga = majorityGauge(left);
    const gb = majorityGauge(right);
    if (!ga || !gb) return ga ? -1 : gb ? 1 : 0;
    const order = compareGauges(ga, gb);
    if (order !== 0) return order;
    left = withoutOne(left, ga.grade);
    right = withoutOne(right, gb.grade);
  }
}

/**
 * Orders two profiles of weighted votes by their majority gauge alone (`compareMerit` without
 * the majority values, which take whole votes away); a profile without votes comes last.
 */
export function compareGaugesOf(a: readonly number[], b: readonly number[]): number {
  const ga = majorityGauge(a);
  const gb = majorityGauge(b);
  if (!ga || !gb) return ga ? -1 : gb ? 1 : 0;
  return compareGauges(ga, gb);
}

function compareGauges(a: MajorityGauge, b: MajorityGauge): number {
  if (a.grade !== b.grade) return a.grade - b.grade;
  if (a.sign !== b.sign) return a.sign === '+' ? -1 : 1;
  if (a.sign === '+') return b.above - a.above;
  return a.below - b.below;
}

function withoutOne(profile: readonly number[], grade: number): number[] {
  return profile.map((count, g) => (g === grade ? count - 1 : count));
}

/** A target's place in a majority judgment. */
export interface JudgedTarget {
  targetId: string;
  /** 1 for the best; targets with equal merit share a rank. */
  rank: number;
  /** Votes per grade, best first. */
  profile: number[];
  gauge: MajorityGauge | null;
}

/**
 * Ranks targets by their merit profiles (counts per grade, best first): best first, equal
 * profiles sharing a rank, in the order given among equals.
 */
export function rankByMajorityJudgment(
  profiles: ReadonlyArray<{ targetId: string; profile: readonly number[] }>,
): JudgedTarget[] {
  const order = profiles
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => compareMerit(a.profile, b.profile) || a.index - b.index);
  const ranks = competitionRanks(order, (a, b) => compareMerit(a.profile, b.profile) === 0);
  return order.map((entry, position) => ({
    targetId: entry.targetId,
    rank: ranks[position] ?? position + 1,
    profile: [...entry.profile],
    gauge: majorityGauge(entry.profile),
  }));
}

/**
 * The merit profiles of `targetIds` from ballots giving each target a grade (0 the best) on a
 * scale of `grades` grades. A target a ballot does not grade counts as graded `missing` — the
 * worst grade by default, as Mieux Voter does: not judging is not approving.
 */
export function meritProfiles(
  targetIds: readonly string[],
  ballots: ReadonlyArray<Readonly<Record<string, number>>>,
  grades: number,
  missing = grades - 1,
): Map<string, number[]> {
  const profiles = new Map(targetIds.map((id) => [id, new Array<number>(grades).fill(0)]));
  for (const ballot of ballots) {
    for (const id of targetIds) {
      const given = ballot[id];
      const grade =
        given !== undefined && Number.isInteger(given) && given >= 0 && given < grades ? given : missing;
      const profile = profiles.get(id);
      if (profile) profile[grade] = (profile[grade] ?? 0) + 1;
    }
  }
  return profiles;
}

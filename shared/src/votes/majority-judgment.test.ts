import { describe, expect, it } from 'vitest';
import { majorityGauge, majorityGrade, meritProfiles, rankByMajorityJudgment } from './majority-judgment';
import { DEFAULT_GRADE_LABELS } from './round';

/**
 * The shared test cases of Mieux Voter's majority judgment libraries (repository
 * MieuxVoter/majority-judgment-library-typescript, `assertions.json`, read at commit bbbd000):
 * per target the number of votes of each grade, worst grade first as there, and the expected
 * ranks. Where the votes do not add up to the participants, the missing ones count as the
 * `missing` grade (their "static default", worst first).
 */
const MIEUX_VOTER_CASES: {
  title: string;
  participants: number;
  missing?: number;
  tallies: number[][];
  ranks: number[];
}[] = [
  {
    title: 'Few participants',
    participants: 3,
    tallies: [
      [1, 1, 1],
      [1, 0, 2],
      [3, 0, 0],
      [2, 0, 1],
      [0, 3, 0],
    ],
    ranks: [3, 1, 5, 4, 2],
  },
  {
    title: 'Thousands of participants',
    participants: 37000,
    tallies: [
      [11142, 6970, 4040, 1968, 9888, 2992],
      [10141, 8971, 4043, 1965, 8884, 2996],
      [14141, 8971, 1043, 1965, 7884, 2996],
    ],
    ranks: [1, 2, 3],
  },
  {
    title: 'Millions of participants',
    participants: 72327456,
    tallies: [
      [5272679, 19797001, 10732688, 9612936, 1379840, 16886281, 8646031],
      [16354546, 11690342, 9451800, 14245973, 817593, 12461162, 7306040],
      [9849171, 17970690, 14276861, 4606692, 16404594, 6760147, 2459301],
      [2645563, 12907474, 1278331, 22843261, 8025412, 8964952, 15662463],
      [16293252, 12277630, 38348, 14929905, 11087753, 10634266, 7066302],
    ],
    ranks: [3, 4, 5, 1, 2],
  },
  {
    title: 'Static Default Grade',
    participants: 10,
    missing: 0,
    tallies: [
      [2, 2, 2, 2, 2],
      [1, 2, 2, 2, 2],
      [0, 0, 4, 0, 0],
      [0, 0, 0, 0, 2],
      [0, 0, 0, 1, 1],
    ],
    ranks: [1, 1, 3, 4, 5],
  },
  {
    title: 'Static Default Grade to Passable',
    participants: 10,
    missing: 2,
    tallies: [
      [2, 2, 2, 2, 2],
      [2, 2, 1, 2, 2],
      [0, 0, 4, 0, 0],
      [0, 0, 0, 0, 2],
      [0, 0, 0, 1, 1],
    ],
    ranks: [4, 4, 3, 1, 2],
  },
  {
    title: 'Feedback from Paris',
    participants: 21,
    missing: 0,
    tallies: [
      [1, 1, 4, 3, 7, 4, 1],
      [0, 2, 4, 3, 7, 4, 1],
      [1, 1, 4, 3, 7, 4, 1],
      [1, 0, 4, 3, 7, 4, 1],
    ],
    ranks: [2, 1, 2, 4],
  },
];

describe('majority judgment', () => {
  it.each(MIEUX_VOTER_CASES)('ranks Mieux Voter’s case “$title” as its libraries do', (c) => {
    const profiles = c.tallies.map((worstFirst, i) => {
      const filled = [...worstFirst];
      const cast = worstFirst.reduce((sum, n) => sum + n, 0);
      const missing = c.missing ?? 0;
      filled[missing] = (filled[missing] ?? 0) + c.participants - cast;
      return { targetId: `t${i}`, profile: filled.reverse() };
    });
    const ranked = rankByMajorityJudgment(profiles);
    expect(profiles.map((p) => ranked.find((r) => r.targetId === p.targetId)?.rank)).toEqual(c.ranks);
  });

  it('takes the lower median of an even number of votes, and says which side outweighs the other', () => {
    // Best first: 1 Excellent, 1 Bien, 2 Passable → sorted E, B, P, P: the lower middle is Passable.
    expect(majorityGrade([1, 0, 1, 0, 2])).toBe(4);
    expect(majorityGauge([1, 0, 1, 0, 2])).toEqual({ grade: 4, sign: '+', above: 0.5, below: 0 });
    // 6 votes, sorted best first g1 g1 g1 g2 g3 g3: the lower middle is g2; 3 better, 2 worse.
    expect(majorityGauge([0, 3, 1, 2])).toEqual({ grade: 2, sign: '+', above: 0.5, below: 2 / 6 });
    // 7 votes, g1 g1 g2 g2 g3 g3 g3: the middle is g2; 2 better, 3 worse.
    expect(majorityGauge([0, 2, 2, 3])).toEqual({ grade: 2, sign: '-', above: 2 / 7, below: 3 / 7 });
    expect(majorityGauge([0, 0, 0])).toBeNull();
  });

  it('breaks a tie on the majority grade by the share above against the share below it', () => {
    // Both "Bien" (index 2). T1: 40 % better, 20 % worse → Bien+ by 40 %. T2: 30 % better, 10 %
    // worse → Bien+ by 30 %. T3: 10 % better, 40 % worse → Bien− by 40 %.
    const ranked = rankByMajorityJudgment([
      { targetId: 'T3', profile: [0, 1, 5, 4, 0, 0, 0] },
      { targetId: 'T2', profile: [1, 2, 6, 1, 0, 0, 0] },
      { targetId: 'T1', profile: [2, 2, 4, 2, 0, 0, 0] },
    ]);
    expect(ranked.map((r) => [r.targetId, r.rank, r.gauge?.sign])).toEqual([
      ['T1', 1, '+'],
      ['T2', 2, '+'],
      ['T3', 3, '-'],
    ]);
  });

  it('builds merit profiles from ballots on the default scale, a target left ungraded counting as “À rejeter”', () => {
    const DEFAULT_GRADES = DEFAULT_GRADE_LABELS.fr;
    expect(DEFAULT_GRADES).toHaveLength(7);
    expect(DEFAULT_GRADES[6]).toBe('À rejeter');
    const profiles = meritProfiles(
      ['a', 'b'],
      [{ a: 0, b: 3 }, { a: 1 }, { a: 9, b: 3 }],
      DEFAULT_GRADES.length,
    );
    expect(profiles.get('a')).toEqual([1, 1, 0, 0, 0, 0, 1]);
    expect(profiles.get('b')).toEqual([0, 0, 0, 2, 0, 0, 1]);
  });
});

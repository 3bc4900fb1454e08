import { describe, expect, it } from 'vitest';
import type { ParticipantGroup } from '../schema/enums';
import { type BallotEntries, noEntries } from './ballot';
import type { PublicRound } from './round';
import { groupBuckets, type TallyBallot, tallyRound } from './tally';

const targets = [
  { id: 'mobility', label: 'Mobilité rurale' },
  { id: 'digital', label: 'Inclusion numérique' },
  { id: 'shops', label: 'Commerce de centre-bourg' },
  { id: 'health', label: 'Accès aux soins' },
];
const dots: Pick<PublicRound, 'mode' | 'targets' | 'criteria'> = { mode: 'dots', targets, criteria: null };
const scoring: Pick<PublicRound, 'mode' | 'targets' | 'criteria'> = {
  mode: 'scoring',
  targets: targets.slice(0, 2),
  criteria: [
    { id: 'impact', label: 'Impact', weight: 2 },
    { id: 'cost', label: 'Coût', weight: 1 },
  ],
};

let next = 0;
function voter(group: ParticipantGroup, ballot: Partial<BallotEntries>): TallyBallot {
  next += 1;
  return { participantId: `p${next}`, group, ...noEntries(), ...ballot };
}

describe('tallyRound with dots', () => {
  it('adds the dots, ranks best first and counts each voter once', () => {
    const results = tallyRound(dots, [
      voter('elected', { dots: { mobility: 2, shops: 1 } }),
      voter('resident', { dots: { mobility: 1, health: 2 } }),
      voter('resident', { dots: { health: 1 } }),
    ]);
    expect(results.voters).toBe(3);
    expect(results.targets.map((t) => [t.targetId, t.total, t.rank, t.voters])).toEqual([
      ['mobility', 3, 1, 2],
      ['health', 3, 1, 2],
      ['shops', 1, 3, 1],
      ['digital', 0, 4, 0],
    ]);
    expect(results.ties).toEqual([['mobility', 'health']]);
  });

  it('nets dots against from dots for, and keeps both counts', () => {
    const results = tallyRound(dots, [
      voter('staff', { dots: { mobility: 2, digital: -1 } }),
      voter('staff', { dots: { digital: 2 } }),
      voter('staff', { dots: { digital: -2, shops: 1 } }),
    ]);
    const digital = results.targets.find((t) => t.targetId === 'digital');
    expect(digital).toMatchObject({ total: -1, positive: 2, negative: 3, voters: 3 });
    expect(results.targets[0]?.targetId).toBe('mobility');
    expect(results.targets.at(-1)?.targetId).toBe('digital');
  });

  it('counts nobody who placed nothing', () => {
    const results = tallyRound(dots, [voter('elected', {}), voter('elected', { dots: { shops: 1 } })]);
    expect(results.voters).toBe(1);
    expect(results.byGroup).toEqual([
      {
        group: 'other',
        voters: 1,
        merged: ['elected'],
        totals: expect.any(Object),
        ranks: expect.any(Object),
      },
    ]);
  });

  it('ranks three-way ties together and skips the ranks they take (1, 1, 1, 4)', () => {
    const results = tallyRound(dots, [voter('elected', { dots: { mobility: 1, digital: 1, shops: 1 } })]);
    expect(results.targets.map((t) => t.rank)).toEqual([1, 1, 1, 4]);
    expect(results.ties).toEqual([['mobility', 'digital', 'shops']]);
  });

  it('with no ballot at all, every target is tied at zero', () => {
    const results = tallyRound(dots, []);
    expect(results.voters).toBe(0);
    expect(results.targets.every((t) => t.rank === 1 && t.total === 0)).toBe(true);
    expect(results.byGroup).toEqual([]);
  });
});

describe('tallyRound with criteria scoring', () => {
  it('gives the mean and median per criterion and a weighted score', () => {
    const results = tallyRound(scoring, [
      voter('elected', { scores: { mobility: { impact: 5, cost: 1 }, digital: { impact: 2, cost: 4 } } }),
      voter('elected', { scores: { mobility: { impact: 4, cost: 2 }, digital: { impact: 3, cost: 5 } } }),
      voter('elected', { scores: { mobility: { impact: 3 }, digital: { impact: 2, cost: 3 } } }),
    ]);
    const mobility = results.targets.find((t) => t.targetId === 'mobility');
    expect(mobility?.criteria).toEqual([
      { criterionId: 'impact', mean: 4, median: 4, count: 3 },
      { criterionId: 'cost', mean: 1.5, median: 1.5, count: 2 },
    ]);
    // (4 × 2 + 1.5 × 1) / 3
    expect(mobility?.total).toBe(3.167);
    const digital = results.targets.find((t) => t.targetId === 'digital');
    // impact mean 7/3, cost mean 4: (2.333… × 2 + 4) / 3
    expect(digital?.total).toBe(2.889);
    expect(results.targets.map((t) => t.targetId)).toEqual(['mobility', 'digital']);
    expect(mobility?.voters).toBe(3);
  });

  it('weights change the ranking', () => {
    const ballots = [
      voter('resident', { scores: { mobility: { impact: 5, cost: 0 }, digital: { impact: 1, cost: 5 } } }),
    ];
    const impactFirst = tallyRound(scoring, ballots);
    expect(impactFirst.targets[0]?.targetId).toBe('mobility');
    const costFirst = tallyRound(
      {
        ...scoring,
        criteria: [
          { id: 'impact', label: 'Impact', weight: 1 },
          { id: 'cost', label: 'Coût', weight: 3 },
        ],
      },
      ballots,
    );
    expect(costFirst.targets[0]?.targetId).toBe('digital');
  });

  it('a target nobody scored is last with zero and empty statistics', () => {
    const results = tallyRound(scoring, [voter('resident', { scores: { mobility: { impact: 1 } } })]);
    const digital = results.targets.find((t) => t.targetId === 'digital');
    expect(digital).toMatchObject({ total: 0, rank: 2, voters: 0 });
    expect(digital?.criteria.every((c) => c.count === 0)).toBe(true);
  });
});

describe('group breakdown', () => {
  it('shows each group of three voters or more with its own totals', () => {
    const results = tallyRound(dots, [
      ...[1, 2, 3].map(() => voter('elected', { dots: { mobility: 1 } })),
      ...[1, 2, 3].map(() => voter('resident', { dots: { health: 1 } })),
    ]);
    expect(results.byGroup).toEqual([
      {
        group: 'elected',
        voters: 3,
        merged: [],
        totals: { mobility: 3, digital: 0, shops: 0, health: 0 },
        ranks: { mobility: 1, digital: 2, shops: 2, health: 2 },
      },
      {
        group: 'resident',
        voters: 3,
        merged: [],
        totals: { mobility: 0, digital: 0, shops: 0, health: 3 },
        ranks: { mobility: 2, digital: 2, shops: 2, health: 1 },
      },
    ]);
  });

  it('merges groups under three voters into "other" and says which', () => {
    const results = tallyRound(dots, [
      ...[1, 2, 3].map(() => voter('elected', { dots: { mobility: 1 } })),
      voter('business', { dots: { shops: 2 } }),
      voter('association', { dots: { health: 1 } }),
      voter('association', { dots: { health: 1 } }),
    ]);
    expect(results.byGroup.map((g) => [g.group, g.voters, g.merged])).toEqual([
      ['elected', 3, []],
      ['other', 3, ['business', 'association']],
    ]);
    expect(results.byGroup[1]?.totals).toMatchObject({ shops: 2, health: 2 });
  });

  it('never leaves a bucket of one or two that the totals would give away', () => {
    // One resident among four elected: "other" would hold one voter, so elected joins it.
    const buckets = groupBuckets(
      new Map<ParticipantGroup, number>([
        ['elected', 4],
        ['resident', 1],
        ['staff', 5],
      ]),
    );
    expect([...buckets]).toEqual([
      ['staff', ['staff']],
      ['other', ['other', 'elected', 'resident']],
    ]);
    for (const [group, members] of buckets) {
      if (group !== 'other') expect(members).toEqual([group]);
    }
  });

  it('counts the "other" group itself among the small ones', () => {
    const buckets = groupBuckets(
      new Map<ParticipantGroup, number>([
        ['other', 2],
        ['partner', 1],
        ['elected', 6],
      ]),
    );
    expect([...buckets]).toEqual([
      ['elected', ['elected']],
      ['other', ['other', 'partner']],
    ]);
  });

  it('puts everyone in one bucket when fewer than three voted', () => {
    const buckets = groupBuckets(
      new Map<ParticipantGroup, number>([
        ['elected', 1],
        ['resident', 1],
      ]),
    );
    expect([...buckets]).toEqual([['other', ['other', 'elected', 'resident']]]);
  });

  it('gives each group its weighted mean in scoring mode', () => {
    const results = tallyRound(scoring, [
      ...[5, 4, 3].map((impact) => voter('elected', { scores: { mobility: { impact, cost: 3 } } })),
      ...[1, 1, 1].map((impact) => voter('resident', { scores: { mobility: { impact, cost: 3 } } })),
    ]);
    const totals = Object.fromEntries(results.byGroup.map((g) => [g.group, g.totals.mobility]));
    // elected: (4 × 2 + 3) / 3; residents: (1 × 2 + 3) / 3
    expect(totals).toEqual({ elected: 3.667, resident: 1.667 });
  });
});

describe('tallyRound with majority judgment', () => {
  const grades = ['Très bien', 'Bien', 'Passable', 'À rejeter'];
  const judgment: Parameters<typeof tallyRound>[0] = { mode: 'judgment', targets, criteria: null, grades };

  it('gives each target its merit profile, majority grade and gauge, ranked by majority judgment', () => {
    // mobility: Très bien ×2, Bien, À rejeter → lower median Bien, 2 above against 1 below: Bien+.
    // digital: Bien ×3, Passable → Bien, 0 above against 1 below: Bien−.
    // shops and health are graded by nobody: À rejeter for all four (not judging is not approving).
    const results = tallyRound(judgment, [
      voter('elected', { grades: { mobility: 0, digital: 1 } }),
      voter('elected', { grades: { mobility: 0, digital: 1 } }),
      voter('resident', { grades: { mobility: 1, digital: 1 } }),
      voter('resident', { grades: { mobility: 3, digital: 2 } }),
    ]);
    expect(results.voters).toBe(4);
    const [first, second, third] = results.targets;
    expect(first).toMatchObject({
      targetId: 'mobility',
      rank: 1,
      total: 1,
      voters: 4,
      profile: [2, 1, 0, 1],
    });
    expect(first?.gauge).toEqual({ grade: 1, sign: '+', above: 0.5, below: 0.25 });
    expect(second).toMatchObject({ targetId: 'digital', rank: 2, total: 1, profile: [0, 3, 1, 0] });
    expect(second?.gauge).toEqual({ grade: 1, sign: '-', above: 0, below: 0.25 });
    expect(third).toMatchObject({ rank: 3, total: 3, voters: 0, profile: [0, 0, 0, 4] });
    expect(results.ties).toEqual([['shops', 'health']]);
    expect(results.pairwise).toBeNull();
  });

  it('gives each group of three or more its majority grades and its own ranking', () => {
    const results = tallyRound(judgment, [
      ...[1, 2, 3].map(() => voter('elected', { grades: { mobility: 0, digital: 2, shops: 3, health: 3 } })),
      ...[1, 2, 3].map(() => voter('resident', { grades: { mobility: 2, digital: 0, shops: 3, health: 3 } })),
    ]);
    expect(
      results.byGroup.map((g) => [g.group, g.totals.mobility, g.ranks.mobility, g.ranks.digital]),
    ).toEqual([
      ['elected', 0, 1, 2],
      ['resident', 2, 2, 1],
    ]);
  });
});

describe('tallyRound with points', () => {
  const points: Parameters<typeof tallyRound>[0] = { mode: 'points', targets, criteria: null };

  it('adds the points each target received and ranks by them', () => {
    const results = tallyRound(points, [
      voter('elected', { points: { mobility: 70, digital: 30 } }),
      voter('resident', { points: { digital: 50, health: 50 } }),
    ]);
    expect(results.targets.map((t) => [t.targetId, t.rank, t.total, t.voters])).toEqual([
      ['digital', 1, 80, 2],
      ['mobility', 2, 70, 1],
      ['health', 3, 50, 1],
      ['shops', 4, 0, 0],
    ]);
  });

  it('gives equal totals one rank', () => {
    const results = tallyRound(points, [
      voter('elected', { points: { mobility: 60, digital: 40 } }),
      voter('resident', { points: { digital: 50, shops: 50 } }),
      voter('resident', { points: { mobility: 30, shops: 20 } }),
    ]);
    expect(results.targets.map((t) => [t.targetId, t.rank, t.total])).toEqual([
      ['mobility', 1, 90],
      ['digital', 1, 90],
      ['shops', 3, 70],
      ['health', 4, 0],
    ]);
    expect(results.ties).toEqual([['mobility', 'digital']]);
  });
});

describe('tallyRound with a ranking (Schulze)', () => {
  const ranking: Parameters<typeof tallyRound>[0] = {
    mode: 'ranking',
    targets: targets.slice(0, 3),
    criteria: null,
  };

  it('ranks the Condorcet winner first and shows the pairwise matrix in the round’s order of targets', () => {
    // 2 × mobility > digital > shops, 2 × digital > shops > mobility, 1 × shops > mobility > digital:
    // mobility beats digital 3–2, digital beats shops 4–1, shops beats mobility 3–2, a cycle. The
    // strongest paths: mobility→digital 3 and digital→mobility 3 (via shops), mobility→shops 3 (via
    // digital) and shops→mobility 3, digital→shops 4 against shops→digital 3 (via mobility). So only
    // digital beats anyone (shops): first; mobility and shops share second.
    const results = tallyRound(ranking, [
      ...[1, 2].map(() => voter('elected', { ranking: ['mobility', 'digital', 'shops'] })),
      ...[1, 2].map(() => voter('resident', { ranking: ['digital', 'shops', 'mobility'] })),
      voter('business', { ranking: ['shops', 'mobility', 'digital'] }),
    ]);
    expect(results.pairwise).toEqual([
      [0, 3, 2],
      [2, 0, 4],
      [3, 1, 0],
    ]);
    expect(results.targets.map((t) => [t.targetId, t.rank, t.total, t.voters])).toEqual([
      ['digital', 1, 1, 5],
      ['mobility', 2, 0, 5],
      ['shops', 2, 0, 5],
    ]);
  });

  it('puts targets a voter left out below every one they ranked', () => {
    const results = tallyRound(ranking, [
      voter('elected', { ranking: ['shops'] }),
      voter('elected', { ranking: ['shops', 'digital'] }),
    ]);
    expect(results.targets.map((t) => t.targetId)).toEqual(['shops', 'digital', 'mobility']);
    expect(results.targets.map((t) => t.voters)).toEqual([2, 1, 0]);
  });
});

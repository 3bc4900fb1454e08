import { describe, expect, it } from 'vitest';
import { applyBallotChange, ballotComplete, emptyBallot, voterStatus } from './ballot';
import type { Ballot, PublicRound } from './round';

const targets = [
  { id: 'mobility', label: 'Mobilité rurale' },
  { id: 'digital', label: 'Inclusion numérique' },
  { id: 'shops', label: 'Commerce de centre-bourg' },
];
const dots = {
  id: 'r1',
  mode: 'dots',
  targets,
  dots: { budget: 4, cap: 2, negative: false },
  criteria: null,
} satisfies Pick<PublicRound, 'id' | 'mode' | 'targets' | 'dots' | 'criteria'>;
const scoring = {
  id: 'r2',
  mode: 'scoring',
  targets: targets.slice(0, 2),
  dots: null,
  criteria: [
    { id: 'impact', label: 'Impact', weight: 1 },
    { id: 'cost', label: 'Coût', weight: 1 },
  ],
} satisfies Pick<PublicRound, 'id' | 'mode' | 'targets' | 'dots' | 'criteria'>;

function cast(
  round: Parameters<typeof applyBallotChange>[0],
  ballot: Ballot,
  change: Parameters<typeof applyBallotChange>[2],
) {
  const result = applyBallotChange(round, ballot, change);
  if (!result.ballot) throw new Error(`refused: ${result.refusal.code}`);
  return result.ballot;
}

describe('applyBallotChange with dots', () => {
  const start = emptyBallot('r1', 'p1', dots);

  it('starts with the whole budget and sets absolute counts', () => {
    expect(start.remaining).toBe(4);
    const ballot = cast(dots, start, { dots: { mobility: 2, shops: 1 } });
    expect(ballot).toMatchObject({ dots: { mobility: 2, shops: 1 }, used: 3, remaining: 1 });
    // Sending the same change again sets the same thing: a retry never counts twice.
    expect(cast(dots, ballot, { dots: { mobility: 2 } })).toEqual(ballot);
  });

  it('withdraws with zero and leaves no trace of the target', () => {
    const ballot = cast(dots, cast(dots, start, { dots: { mobility: 1 } }), { dots: { mobility: 0 } });
    expect(ballot.dots).toEqual({});
    expect(ballot.remaining).toBe(4);
  });

  it('refuses going over the budget as a whole change, keeping nothing of it', () => {
    const ballot = cast(dots, start, { dots: { mobility: 2, digital: 2 } });
    const before = JSON.parse(JSON.stringify(ballot)) as Ballot;
    // Withdrawing one from digital does not make room for two on shops.
    const result = applyBallotChange(dots, ballot, { dots: { digital: 1, shops: 2 } });
    expect(result.refusal?.code).toBe('over_budget');
    expect(ballot).toEqual(before);
    expect(cast(dots, ballot, { dots: { digital: 1, shops: 1 } })).toMatchObject({ used: 4, remaining: 0 });
  });

  it('refuses more than the cap on one item', () => {
    expect(applyBallotChange(dots, start, { dots: { mobility: 3 } }).refusal?.code).toBe('over_cap');
  });

  it('refuses dots against unless the round allows them, and counts them in the budget when it does', () => {
    expect(applyBallotChange(dots, start, { dots: { mobility: -1 } }).refusal?.code).toBe(
      'negative_not_allowed',
    );
    const negative = { ...dots, dots: { ...dots.dots, negative: true } };
    const ballot = cast(negative, start, { dots: { mobility: -2, digital: 2 } });
    expect(ballot).toMatchObject({ used: 4, remaining: 0 });
    expect(applyBallotChange(negative, ballot, { dots: { mobility: -3 } }).refusal?.code).toBe('over_cap');
  });

  it('refuses a target that is not in the round, and scores in a dots round', () => {
    expect(applyBallotChange(dots, start, { dots: { elsewhere: 1 } }).refusal?.code).toBe('unknown_target');
    expect(applyBallotChange(dots, start, { scores: { mobility: { impact: 3 } } }).refusal?.code).toBe(
      'wrong_mode',
    );
  });

  it('says when the person is done: whole budget used, or said so', () => {
    const some = cast(dots, start, { dots: { mobility: 1 } });
    expect(voterStatus(dots, start)).toBe('none');
    expect(voterStatus(dots, some)).toBe('partial');
    expect(voterStatus(dots, cast(dots, some, { dots: { digital: 2, shops: 1 } }))).toBe('done');
    expect(voterStatus(dots, cast(dots, some, { done: true }))).toBe('done');
    // Saying "done" without voting is abstaining.
    expect(voterStatus(dots, cast(dots, start, { done: true }))).toBe('done');
  });
});

describe('applyBallotChange with scoring', () => {
  const start = emptyBallot('r2', 'p1', scoring);

  it('sets and withdraws scores per target and criterion', () => {
    const ballot = cast(scoring, start, { scores: { mobility: { impact: 5, cost: 2 } } });
    expect(ballot).toMatchObject({ scores: { mobility: { impact: 5, cost: 2 } }, used: 0, remaining: 0 });
    const less = cast(scoring, ballot, { scores: { mobility: { impact: null } } });
    expect(less.scores).toEqual({ mobility: { cost: 2 } });
    expect(cast(scoring, less, { scores: { mobility: { cost: null } } }).scores).toEqual({});
  });

  it('refuses an unknown criterion or target, and dots', () => {
    expect(applyBallotChange(scoring, start, { scores: { mobility: { speed: 3 } } }).refusal?.code).toBe(
      'unknown_criterion',
    );
    expect(applyBallotChange(scoring, start, { scores: { shops: { impact: 3 } } }).refusal?.code).toBe(
      'unknown_target',
    );
    expect(applyBallotChange(scoring, start, { dots: { mobility: 1 } }).refusal?.code).toBe('wrong_mode');
  });

  it('is complete when every cell is scored', () => {
    const three = cast(scoring, start, {
      scores: { mobility: { impact: 1, cost: 2 }, digital: { impact: 0 } },
    });
    expect(ballotComplete(scoring, three)).toBe(false);
    expect(voterStatus(scoring, three)).toBe('partial');
    const all = cast(scoring, three, { scores: { digital: { cost: 0 } } });
    expect(ballotComplete(scoring, all)).toBe(true);
    expect(voterStatus(scoring, all)).toBe('done');
  });
});

const judgment = {
  id: 'r3',
  mode: 'judgment',
  targets,
  dots: null,
  criteria: null,
  grades: ['Très bien', 'Bien', 'Passable', 'À rejeter'],
} satisfies Parameters<typeof applyBallotChange>[0];
const points = {
  ...judgment,
  id: 'r4',
  mode: 'points',
  grades: null,
  points: { budget: 100 },
} satisfies Parameters<typeof applyBallotChange>[0];
const ranking = { ...judgment, id: 'r5', mode: 'ranking', grades: null } satisfies Parameters<
  typeof applyBallotChange
>[0];

describe('applyBallotChange with grades (majority judgment)', () => {
  const start = emptyBallot('r3', 'p1', judgment);

  it('sets and withdraws a grade per target, complete once every target is graded', () => {
    let ballot = cast(judgment, start, { grades: { mobility: 0, digital: 3 } });
    expect(ballot.grades).toEqual({ mobility: 0, digital: 3 });
    expect(voterStatus(judgment, ballot)).toBe('partial');
    ballot = cast(judgment, ballot, { grades: { shops: 1 } });
    expect(ballotComplete(judgment, ballot)).toBe(true);
    ballot = cast(judgment, ballot, { grades: { digital: null } });
    expect(ballot.grades).toEqual({ mobility: 0, shops: 1 });
    expect(ballotComplete(judgment, ballot)).toBe(false);
  });

  it('refuses a grade off the scale, an unknown target and another mode’s entries', () => {
    expect(applyBallotChange(judgment, start, { grades: { mobility: 4 } }).refusal?.code).toBe(
      'unknown_grade',
    );
    expect(applyBallotChange(judgment, start, { grades: { nowhere: 1 } }).refusal?.code).toBe(
      'unknown_target',
    );
    expect(applyBallotChange(judgment, start, { points: { mobility: 10 } }).refusal?.code).toBe('wrong_mode');
    expect(
      applyBallotChange(dots, emptyBallot('r1', 'p1', dots), { grades: { mobility: 1 } }).refusal?.code,
    ).toBe('wrong_mode');
  });
});

describe('applyBallotChange with points', () => {
  const start = emptyBallot('r4', 'p1', points);

  it('shares out the budget, counts what is used and left, complete once it is all given', () => {
    expect(start.remaining).toBe(100);
    let ballot = cast(points, start, { points: { mobility: 60, digital: 30 } });
    expect([ballot.used, ballot.remaining]).toEqual([90, 10]);
    expect(ballotComplete(points, ballot)).toBe(false);
    ballot = cast(points, ballot, { points: { shops: 10 } });
    expect(ballotComplete(points, ballot)).toBe(true);
    ballot = cast(points, ballot, { points: { mobility: 0 } });
    expect(ballot.points).toEqual({ digital: 30, shops: 10 });
    expect(ballot.remaining).toBe(60);
  });

  it('refuses going over the budget, and keeps the ballot as it was', () => {
    const ballot = cast(points, start, { points: { mobility: 70 } });
    const refused = applyBallotChange(points, ballot, { points: { digital: 20, shops: 20 } });
    expect(refused.refusal?.code).toBe('over_budget');
    expect(ballot.points).toEqual({ mobility: 70 });
  });
});

describe('applyBallotChange with a ranking', () => {
  const start = emptyBallot('r5', 'p1', ranking);

  it('replaces the whole order, complete once every target is ranked, withdrawn with []', () => {
    let ballot = cast(ranking, start, { ranking: ['shops', 'mobility'] });
    expect(ballot.ranking).toEqual(['shops', 'mobility']);
    expect(voterStatus(ranking, ballot)).toBe('partial');
    ballot = cast(ranking, ballot, { ranking: ['digital', 'shops', 'mobility'] });
    expect(voterStatus(ranking, ballot)).toBe('done');
    ballot = cast(ranking, ballot, { ranking: [] });
    expect(voterStatus(ranking, ballot)).toBe('none');
  });

  it('refuses an unknown target and a ranking in another mode', () => {
    expect(applyBallotChange(ranking, start, { ranking: ['shops', 'nowhere'] }).refusal?.code).toBe(
      'unknown_target',
    );
    expect(applyBallotChange(points, start, { ranking: ['shops'] }).refusal?.code).toBe('wrong_mode');
  });
});

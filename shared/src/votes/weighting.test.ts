import { describe, expect, it } from 'vitest';
import type { ParticipantGroup } from '../schema/enums';
import { noEntries, type TallyBallot } from './ballot';
import { tallyRound } from './tally';

const targets = [
  { id: 'a', label: 'Voie verte' },
  { id: 'b', label: 'Maison de santé' },
];
let next = 0;
const voter = (group: ParticipantGroup, entries: Partial<TallyBallot>): TallyBallot => ({
  participantId: `p${++next}`,
  group,
  ...noEntries(),
  ...entries,
});
/** Six residents for A, three elected officials for B. */
const room = (entries: (choice: 'a' | 'b') => Partial<TallyBallot>) => [
  ...Array.from({ length: 6 }, () => voter('resident', entries('a'))),
  ...Array.from({ length: 3 }, () => voter('elected', entries('b'))),
];

describe('college weighting', () => {
  it('gives each group the same weight: six residents and three elected officials tie, in dots', () => {
    const results = tallyRound(
      { mode: 'dots', targets, criteria: null, collegeWeighting: true },
      room((t) => ({ dots: { [t]: 1 } })),
    );
    expect(results.targets.map((t) => [t.targetId, t.total])).toEqual([
      ['a', 6],
      ['b', 3],
    ]);
    // Each resident weighs 9 / (2 × 6) = 0.75, each elected official 9 / (2 × 3) = 1.5.
    expect(results.weighted).toEqual({
      groups: ['elected', 'resident'],
      targets: [
        { targetId: 'a', rank: 1, total: 4.5, profile: [], gauge: null },
        { targetId: 'b', rank: 1, total: 4.5, profile: [], gauge: null },
      ],
      ties: [['a', 'b']],
      pairwise: null,
    });
  });

  it('weighs a majority judgment’s shares, and a ranking’s pairwise matrix', () => {
    const grades = ['Bien', 'Passable', 'À rejeter'];
    const judged = tallyRound(
      { mode: 'judgment', targets, criteria: null, grades, collegeWeighting: true },
      room((t) => ({ grades: t === 'a' ? { a: 0, b: 2 } : { a: 2, b: 0 } })),
    );
    // Plain: A Bien for 6 of 9. Weighted: half Bien, half À rejeter for each; the lower middlemost is À rejeter.
    expect(judged.targets[0]).toMatchObject({ targetId: 'a', total: 0 });
    expect(judged.weighted?.targets.map((t) => [t.targetId, t.rank, t.total, t.profile])).toEqual([
      ['a', 1, 2, [0.5, 0, 0.5]],
      ['b', 1, 2, [0.5, 0, 0.5]],
    ]);
    const ranked = tallyRound(
      { mode: 'ranking', targets, criteria: null, collegeWeighting: true },
      room((t) => ({ ranking: t === 'a' ? ['a', 'b'] : ['b', 'a'] })),
    );
    expect(ranked.pairwise).toEqual([
      [0, 6],
      [3, 0],
    ]);
    expect(ranked.weighted?.pairwise).toEqual([
      [0, 4.5],
      [4.5, 0],
    ]);
    expect(ranked.weighted?.ties).toEqual([['a', 'b']]);
  });

  it('takes the weighted means of a scoring round', () => {
    const results = tallyRound(
      {
        mode: 'scoring',
        targets,
        criteria: [{ id: 'impact', label: 'Impact', weight: 1 }],
        collegeWeighting: true,
      },
      room((t) => ({ scores: { a: { impact: t === 'a' ? 5 : 1 } } })),
    );
    // Plain mean (6 × 5 + 3 × 1) / 9 = 3.667; weighted (5 + 1) / 2 = 3.
    expect(results.targets[0]).toMatchObject({ targetId: 'a', total: 3.667 });
    expect(results.weighted?.targets[0]).toMatchObject({ targetId: 'a', total: 3 });
  });

  it('is not counted unless asked for', () => {
    expect(
      tallyRound(
        { mode: 'dots', targets, criteria: null },
        room((t) => ({ dots: { [t]: 1 } })),
      ).weighted,
    ).toBeNull();
  });
});

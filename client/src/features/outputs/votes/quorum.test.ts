import { quorumOutcome } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../../i18n/translate';
import type { RankedRow } from './model';
import {
  quorumGroupLine,
  quorumSummary,
  resultsQuorumLine,
  shortGroups,
  weightedGroupNames,
  weightedRows,
} from './quorum';

const t = makeTranslator('fr');
const en = makeTranslator('en');
/** French typography puts a no-break space before ":"; the tests read plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const voters = (group: 'elected' | 'resident', voted: number, expected: number) =>
  Array.from({ length: expected }, (_, i) => ({ group, voted: i < voted }));

describe('the quorum per group', () => {
  const short = quorumOutcome({ percent: 50 }, [...voters('elected', 1, 3), ...voters('resident', 3, 5)]);
  const met = quorumOutcome({ percent: 50 }, [...voters('elected', 2, 3), ...voters('resident', 3, 5)]);

  it('says each group’s voters and whether it reached the quorum, live', () => {
    expect(short.groups.map((g) => quorumGroupLine(t, 50, g))).toEqual([
      '1/3 a voté · quorum 50 % non atteint',
      '3/5 ont voté · quorum 50 % atteint',
    ]);
    expect(quorumGroupLine(en, 50, met.groups[0] ?? short.groups[0]!)).toBe(
      '2/3 voted · quorum 50 % reached',
    );
  });

  it('names the groups short of it, and sums it up', () => {
    expect(shortGroups(t, short)).toBe('Élu·e 1/3');
    expect(plain(quorumSummary(t, short))).toBe(
      'Quorum de 50 % pas encore atteint dans 1 collège : Élu·e 1/3',
    );
    const none = quorumOutcome({ percent: 50 }, [...voters('elected', 0, 2), ...voters('resident', 0, 1)]);
    expect(plain(quorumSummary(t, none))).toBe(
      'Quorum de 50 % pas encore atteint dans 2 collèges : Élu·e 0/2, Habitant·e 0/1',
    );
    expect(plain(quorumSummary(t, met))).toBe(
      'Quorum de 50 % atteint dans chaque collège : vous pouvez révéler.',
    );
    expect(plain(quorumSummary(t, quorumOutcome({ percent: 50 }, [])))).toMatch(/personne/);
  });

  it('says in the results whether it was met, or that the results were revealed anyway', () => {
    expect(resultsQuorumLine(t, met)).toBe('Quorum de 50 % par collège atteint (Élu·e 2/3, Habitant·e 3/5)');
    expect(plain(resultsQuorumLine(t, short))).toBe(
      'Quorum de 50 % par collège non atteint (Élu·e 1/3) : résultats révélés malgré tout',
    );
  });
});

describe('the result where each group weighs the same', () => {
  const row = (targetId: string, rank: number, total: number, voters: number): RankedRow => ({
    targetId,
    label: targetId.toUpperCase(),
    deleted: false,
    rank,
    tied: false,
    total,
    positive: total,
    negative: 1,
    voters,
    profile: [],
    gauge: null,
  });
  const plainRows = [row('a', 1, 7, 4), row('b', 2, 5, 3), row('c', 3, 1, 1)];

  it('orders the targets by the weighted ranking, with the plain rows’ labels and voters', () => {
    const rows = weightedRows({ mode: 'dots' }, plainRows, {
      targets: [
        { targetId: 'b', rank: 1, total: 6.667, profile: [], gauge: null },
        { targetId: 'a', rank: 2, total: 4.333, profile: [], gauge: null },
        { targetId: 'c', rank: 2, total: 4.333, profile: [], gauge: null },
      ],
      ties: [['a', 'c']],
    });
    expect(rows.map((r) => [r.label, r.rank, r.total, r.tied, r.voters])).toEqual([
      ['B', 1, 6.7, false, 3],
      ['A', 2, 4.3, true, 4],
      ['C', 2, 4.3, true, 1],
    ]);
    // Dots for and against are not split in the weighted count.
    expect(rows.every((r) => r.positive === 0 && r.negative === 0)).toBe(true);
  });

  it('keeps a majority judgment’s shares and gauge, and a score’s decimals', () => {
    const gauge = { grade: 1, sign: '+' as const, above: 0.4, below: 0.2 };
    const [judged] = weightedRows({ mode: 'judgment' }, plainRows, {
      targets: [{ targetId: 'a', rank: 1, total: 1, profile: [0.4, 0.4, 0.2], gauge }],
      ties: [],
    });
    expect(judged).toMatchObject({ total: 1, profile: [0.4, 0.4, 0.2], gauge });
    const [scored] = weightedRows({ mode: 'scoring' }, plainRows, {
      targets: [{ targetId: 'a', rank: 1, total: 3.456, profile: [], gauge: null }],
      ties: [],
    });
    expect(scored?.total).toBe(3.456);
  });

  it('names a deleted target by its id, and the groups as the breakdown by group names them', () => {
    const [gone] = weightedRows({ mode: 'points' }, [], {
      targets: [{ targetId: 'z', rank: 1, total: 10, profile: [], gauge: null }],
      ties: [],
    });
    expect(gone).toMatchObject({ label: 'z', deleted: true, voters: 0 });
    expect(
      weightedGroupNames(t, {
        byGroup: [
          { group: 'resident', voters: 3, merged: [], totals: {}, ranks: {} },
          { group: 'other', voters: 3, merged: ['elected', 'staff'], totals: {}, ranks: {} },
        ],
        weighted: { groups: ['resident', 'other'] },
      }),
    ).toBe('Habitant·e, Autres (dont Élu·e, Agent de la collectivité)');
  });
});

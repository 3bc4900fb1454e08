import { describe, expect, it } from 'vitest';
import { quorumOutcome } from './quorum';

describe('quorumOutcome', () => {
  it('is met when every group with expected voters reached the share, the boundary included', () => {
    const outcome = quorumOutcome({ percent: 50 }, [
      { group: 'resident', voted: true },
      { group: 'resident', voted: false },
      { group: 'elected', voted: true },
      { group: 'elected', voted: true },
      { group: 'elected', voted: false },
    ]);
    expect(outcome).toEqual({
      percent: 50,
      met: true,
      groups: [
        { group: 'elected', expected: 3, voted: 2, met: true },
        { group: 'resident', expected: 2, voted: 1, met: true },
      ],
    });
  });

  it('names the group that falls short', () => {
    const outcome = quorumOutcome({ percent: 60 }, [
      { group: 'business', voted: true },
      { group: 'association', voted: false },
      { group: 'association', voted: true },
    ]);
    expect(outcome.met).toBe(false);
    expect(outcome.groups.filter((g) => !g.met).map((g) => g.group)).toEqual(['association']);
  });
});

import { describe, expect, it } from 'vitest';
import { contributesTo, type Participation, participationBalance } from './balance';

const person = (
  participantId: string,
  group: Participation['people'][number]['group'],
  patch: Partial<Participation['people'][number]> = {},
): Participation['people'][number] => ({
  participantId,
  group,
  role: 'participant',
  contributed: false,
  voted: null,
  ...patch,
});

describe('contributesTo', () => {
  it('counts the step’s own items, and only the move of an earlier item that belongs to the step', () => {
    expect(contributesTo('assessment', { collection: 'notes', field: 'text' })).toBe(true);
    expect(contributesTo('issues', { collection: 'issues', field: null })).toBe(true);
    expect(contributesTo('issues', { collection: 'notes', field: 'cluster' })).toBe(true);
    expect(contributesTo('issues', { collection: 'notes', field: 'text' })).toBe(false);
    expect(contributesTo('axes', { collection: 'issues', field: 'axis' })).toBe(true);
    expect(contributesTo('axes', { collection: 'issues', field: 'title' })).toBe(false);
    expect(contributesTo('actions', { collection: 'axes', field: null })).toBe(false);
  });
});

describe('participationBalance', () => {
  it('counts per group who is here, who contributed and who voted, and flags a group here that said nothing', () => {
    const balance = participationBalance(
      {
        step: 'assessment',
        round: { id: 'r1', title: 'Priorités', state: 'open' },
        people: [
          person('r1', 'resident', { contributed: true, voted: true }),
          person('r2', 'resident', { voted: false }),
          person('e1', 'elected', { voted: true }),
          person('e2', 'elected'),
          person('b1', 'business', { contributed: true }),
          person('f', 'other', { role: 'facilitator', contributed: true }),
          person('o', 'partner', { role: 'observer' }),
        ],
      },
      new Set(['r1', 'e1', 'e2', 'f', 'o']),
    );
    expect(balance).toEqual([
      { group: 'elected', members: 2, here: 2, contributed: 0, voted: 1, silent: true },
      { group: 'resident', members: 2, here: 1, contributed: 1, voted: 1, silent: false },
      { group: 'business', members: 1, here: 0, contributed: 1, voted: 0, silent: false },
    ]);
  });

  it('has no vote count without a round, and no alert for a group nobody of which is here', () => {
    const balance = participationBalance(
      { step: 'issues', round: null, people: [person('a1', 'association')] },
      new Set(),
    );
    expect(balance).toEqual([
      { group: 'association', members: 1, here: 0, contributed: 0, voted: null, silent: false },
    ]);
  });
});

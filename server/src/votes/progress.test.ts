import { describe, expect, it } from 'vitest';
import { nothingStored, type StoredBallot } from '../store/ballots';
import { dotsRound } from '../store/ballots.fixture';
import type { ParticipantRecord } from '../store/workshops';
import { roundProgress } from './progress';

const round = dotsRound({ dots: { budget: 3, cap: 3, negative: false } });

function person(id: string, role: ParticipantRecord['role'] = 'participant'): ParticipantRecord {
  return {
    id,
    workshopId: 'w1',
    name: id,
    group: 'resident',
    role,
    notice: null,
    erasedAt: null,
    promotedFrom: null,
    removedAt: null,
    createdAt: '2026-12-03T09:00:00.000Z',
  };
}

function ballot(participantId: string, dots: Record<string, number>, done = false): StoredBallot {
  return { participantId, group: 'resident', ...nothingStored(), dots, done };
}

describe('roundProgress', () => {
  it('counts as voted only the people who placed something, not a "done" with an empty ballot', () => {
    const people = [person('alice'), person('bob'), person('chloe'), person('dan')];
    const progress = roundProgress(round, people, [
      ballot('alice', { a: 1 }),
      ballot('bob', {}, true),
      ballot('chloe', { a: 2, b: 1 }),
    ]);
    expect(progress.voters.map((v) => [v.name, v.status])).toEqual([
      ['alice', 'partial'],
      ['bob', 'done'],
      ['chloe', 'done'],
      ['dan', 'none'],
    ]);
    expect(progress).toMatchObject({ voted: 2, done: 2, dotsLeft: 2 + 3 + 0 + 3 });
  });

  it('leaves out a facilitator who placed nothing, and counts one who did', () => {
    const people = [person('fanny', 'facilitator'), person('gus', 'facilitator'), person('alice')];
    const progress = roundProgress(round, people, [ballot('gus', { b: 1 }), ballot('fanny', {}, true)]);
    expect(progress.voters.map((v) => v.name)).toEqual(['gus', 'alice']);
    expect(progress.voted).toBe(1);
  });
});

/** A vote round for the tests: open, dots (budget 3, cap 2) on two issues `a` and `b`. */
import type { RoundRecord } from './ballots';

export function dotsRound(patch: Partial<RoundRecord> = {}): RoundRecord {
  return {
    id: 'r1',
    workshopId: 'w1',
    title: 'Prioriser les enjeux',
    targetKind: 'issues',
    targets: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    mode: 'dots',
    visibility: 'secret',
    dots: { budget: 3, cap: 2, negative: false },
    criteria: null,
    grades: null,
    points: null,
    quorum: null,
    collegeWeighting: false,
    state: 'open',
    durationMinutes: null,
    endsAt: null,
    createdAt: '2026-12-03T09:00:00.000Z',
    openedAt: '2026-12-03T09:00:00.000Z',
    closedAt: null,
    revealedAt: null,
    results: null,
    ...patch,
  };
}

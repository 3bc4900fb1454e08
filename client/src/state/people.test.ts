import type { WorkshopSummary } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { listedNames, presentNames } from './people';

const you = {
  id: 'p1',
  name: 'Léa',
  group: 'resident',
  role: 'participant',
  color: '#d32f2f',
  coFacilitator: false,
  removed: false,
} as const;
const workshop: WorkshopSummary = {
  id: 'w1',
  title: 'Atelier',
  territory: { name: 'Ornans', kind: 'municipality' },
  locale: 'fr',
  createdAt: '2026-12-03T09:00:00.000Z',
  participants: [you, { ...you, id: 'p2', name: 'Hugo' }],
  you,
};

describe('names of people', () => {
  it('maps participant ids to names, and hands every note the same map until the list changes', () => {
    expect(listedNames(workshop)).toEqual({ p1: 'Léa', p2: 'Hugo' });
    expect(listedNames(workshop)).toBe(listedNames(workshop));
    expect(listedNames({ ...workshop })).not.toBe(listedNames(workshop));
    expect(listedNames(null)).toEqual({});
  });

  it('names people present in the room who joined after the list was loaded', () => {
    const people = [
      { participantId: 'p3', name: 'Zoé', color: '#455a64', role: 'participant', group: 'staff' } as const,
    ];
    expect(presentNames(people)).toEqual({ p3: 'Zoé' });
    expect(presentNames(people)).toBe(presentNames(people));
  });
});

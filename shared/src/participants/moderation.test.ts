import { describe, expect, it } from 'vitest';
import { type ModeratedPerson, moderationRefusal } from './moderation';

const owner: ModeratedPerson = { id: 'f', role: 'facilitator', coFacilitator: false, removed: false };
const co: ModeratedPerson = { id: 'c', role: 'facilitator', coFacilitator: true, removed: false };
const lea: ModeratedPerson = { id: 'l', role: 'participant', coFacilitator: false, removed: false };
const olga: ModeratedPerson = { id: 'o', role: 'observer', coFacilitator: false, removed: false };
const gone: ModeratedPerson = { id: 'g', role: 'participant', coFacilitator: false, removed: true };
const everyone = [owner, co, lea, olga, gone];

describe('who may remove, promote and demote whom', () => {
  it('lets a facilitator remove, promote and demote participants and observers', () => {
    for (const action of ['remove', 'promote', 'demote'] as const) {
      expect(moderationRefusal(owner, lea, action, everyone)).toBeNull();
      expect(moderationRefusal(owner, olga, action, everyone)).toBeNull();
    }
  });

  it('lets the creator and co-facilitators remove or demote a co-facilitator', () => {
    expect(moderationRefusal(owner, co, 'remove', everyone)).toBeNull();
    expect(moderationRefusal(owner, co, 'demote', everyone)).toBeNull();
    const co2 = { ...co, id: 'c2' };
    expect(moderationRefusal(co2, co, 'demote', [...everyone, co2])).toBeNull();
  });

  it('refuses participants, observers and removed people', () => {
    expect(moderationRefusal(lea, olga, 'remove', everyone)).toBe('not-facilitator');
    expect(moderationRefusal(olga, lea, 'promote', everyone)).toBe('not-facilitator');
    expect(moderationRefusal({ ...co, removed: true }, lea, 'remove', everyone)).toBe('not-facilitator');
  });

  it('refuses acting on oneself, on the workshop creator, and on someone already removed', () => {
    expect(moderationRefusal(owner, owner, 'remove', everyone)).toBe('self');
    expect(moderationRefusal(co, co, 'demote', everyone)).toBe('self');
    expect(moderationRefusal(co, owner, 'remove', everyone)).toBe('owner');
    expect(moderationRefusal(co, owner, 'demote', everyone)).toBe('owner');
    expect(moderationRefusal(owner, gone, 'promote', everyone)).toBe('removed');
  });

  it('refuses removing or demoting the strategy’s facilitator in a session, whoever asks', () => {
    // Even marked as promoted (were a session to list them so), they stay.
    for (const strategist of [
      { id: 's', role: 'facilitator', coFacilitator: false, removed: false, strategyFacilitator: true },
      { id: 's', role: 'facilitator', coFacilitator: true, removed: false, strategyFacilitator: true },
    ] as const) {
      const session = [...everyone, strategist];
      for (const actor of [owner, co]) {
        expect(moderationRefusal(actor, strategist, 'remove', session)).toBe('strategy-facilitator');
        expect(moderationRefusal(actor, strategist, 'demote', session)).toBe('strategy-facilitator');
      }
      // They moderate the session like its creator.
      expect(moderationRefusal(strategist, lea, 'remove', session)).toBeNull();
    }
  });

  it('never leaves a workshop without a facilitator', () => {
    // Unreachable through the API (the actor is a facilitator and cannot target themselves), kept as the invariant.
    const lone = { ...co, id: 'x' };
    expect(moderationRefusal(owner, lone, 'remove', [lone, { ...owner, removed: true }])).toBe(
      'last-facilitator',
    );
  });
});

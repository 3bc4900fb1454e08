/**
 * The operator's link recovery (`recoverLink`), on every backend's stores (docs/scale-out.md,
 * "Store contract suite"); the command itself is tested end to end in `test/facilitator-link.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { useBackends } from './backends.fixture';
import { recoverLink } from './recovery';
import { sessionToken } from './strategies';

const backends = useBackends();
const TERRITORY = { name: 'Ornans', kind: 'municipality' } as const;
const WORKSHOP = {
  title: 'Atelier',
  territory: TERRITORY,
  locale: 'fr',
  facilitatorName: 'Camille',
} as const;

describe.each(backends)('link recovery on $name', (backend) => {
  it('gives a strategy a new token; the lost one and its sessions’ stop working', async () => {
    const stores = await backend.open();
    const { strategy, token: lost } = await stores.strategies.create({
      title: 'Val Vert',
      territory: TERRITORY,
      locale: 'fr',
    });
    const session = await stores.workshops.create(WORKSHOP);
    await stores.strategies.addSession({
      strategyId: strategy.id,
      strategyToken: lost,
      workshopId: session.workshop.id,
      facilitatorId: session.facilitator.id,
      date: null,
    });
    const recovered = await recoverLink(stores, strategy.id);
    if (recovered.kind !== 'strategy') throw new Error(`a strategy's link, not ${recovered.kind}`);
    expect(recovered).toMatchObject({
      title: 'Val Vert',
      path: `/s/${strategy.id}#token=${recovered.token}`,
    });
    expect(await stores.strategies.authenticates(strategy.id, lost)).toBe(false);
    expect(await stores.strategies.authenticates(strategy.id, recovered.token)).toBe(true);
    expect(await stores.workshops.participantByToken(sessionToken(lost, session.workshop.id))).toBeNull();
    expect(
      (await stores.workshops.participantByToken(sessionToken(recovered.token, session.workshop.id)))?.id,
    ).toBe(session.facilitator.id);
    // A session's facilitator enters through the strategy's link.
    expect(await recoverLink(stores, session.workshop.id)).toEqual({
      kind: 'session',
      id: session.workshop.id,
      strategyId: strategy.id,
    });
  });

  it('gives a standalone workshop’s creator a new token, not a co-facilitator, and nobody removed', async () => {
    const stores = await backend.open();
    const { workshop, facilitator, token: lost } = await stores.workshops.create(WORKSHOP);
    const co = await stores.workshops.addParticipant({
      workshopId: workshop.id,
      name: 'Noé',
      group: 'resident',
      role: 'participant',
    });
    await stores.workshops.setCoFacilitator(workshop.id, co.participant.id, true);
    const recovered = await recoverLink(stores, workshop.id);
    if (recovered.kind !== 'workshop') throw new Error(`a workshop's link, not ${recovered.kind}`);
    expect(recovered.path).toBe(`/w/${workshop.id}#token=${recovered.token}`);
    expect(await stores.workshops.participantByToken(lost)).toBeNull();
    expect((await stores.workshops.participantByToken(recovered.token))?.id).toBe(facilitator.id);
    expect((await stores.workshops.participantByToken(co.token))?.id).toBe(co.participant.id);

    await stores.workshops.remove(workshop.id, facilitator.id);
    expect(await recoverLink(stores, workshop.id)).toEqual({ kind: 'unknown', id: workshop.id });
    expect(await recoverLink(stores, 'nope')).toEqual({ kind: 'unknown', id: 'nope' });
  });
});

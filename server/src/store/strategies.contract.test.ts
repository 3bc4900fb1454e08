/**
 * The strategy store's contract, on every backend (docs/scale-out.md, "Store contract suite"):
 * strategies, their sessions and tokens, and a strategy made with its sessions in one transaction.
 */
import { roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { type Backend, useBackends } from './backends.fixture';
import { seedWorkshopDocs } from './seed';
import { sessionToken } from './strategies';

const backends = useBackends();

const TERRITORY = { name: 'Val Vert', kind: 'epci' } as const;

async function setup(backend: Backend) {
  const stores = await backend.open();
  const { strategies, workshops } = stores;
  const { strategy, token } = await strategies.create({
    title: 'Val Vert',
    territory: TERRITORY,
    locale: 'fr',
  });
  const session = async () => {
    const created = await workshops.create({
      title: 'Séance',
      territory: strategy.territory,
      locale: 'fr',
      facilitatorName: 'Camille',
    });
    await strategies.addSession({
      strategyId: strategy.id,
      strategyToken: token,
      workshopId: created.workshop.id,
      facilitatorId: created.facilitator.id,
      date: null,
    });
    return created;
  };
  return { ...stores, strategy, token, session };
}

describe.each(backends)('strategy store on $name', (backend) => {
  it('numbers sessions in order and binds each one’s facilitator to a token derived from the strategy’s', async () => {
    const { strategies, workshops, strategy, token, session } = await setup(backend);
    const first = await session();
    const second = await session();
    expect((await strategies.sessions(strategy.id)).map((s) => [s.index, s.workshopId])).toEqual([
      [1, first.workshop.id],
      [2, second.workshop.id],
    ]);
    // The creator's random token no longer opens the session; the derived one does, for that session only.
    expect(await workshops.participantByToken(first.token)).toBeNull();
    const derived = sessionToken(token, first.workshop.id);
    expect((await workshops.participantByToken(derived))?.id).toBe(first.facilitator.id);
    expect(sessionToken(token, second.workshop.id)).not.toBe(derived);
    expect(await workshops.get(first.workshop.id)).toMatchObject({
      strategyId: strategy.id,
      strategyArchived: false,
      strategyFacilitatorId: first.facilitator.id,
    });
  });

  it('authenticates only its own token, and a reissued token replaces it and every session’s', async () => {
    const { strategies, workshops, strategy, token, session } = await setup(backend);
    const first = await session();
    const other = await strategies.create({ title: 'Autre', territory: strategy.territory, locale: 'fr' });
    expect(await strategies.authenticates(strategy.id, token)).toBe(true);
    expect(await strategies.authenticates(strategy.id, other.token)).toBe(false);
    expect(await strategies.authenticates(other.strategy.id, token)).toBe(false);

    const fresh = await strategies.reissueToken(strategy.id);
    expect(fresh).not.toBeNull();
    expect(await strategies.authenticates(strategy.id, token)).toBe(false);
    expect(await strategies.authenticates(strategy.id, fresh ?? '')).toBe(true);
    expect(await workshops.participantByToken(sessionToken(token, first.workshop.id))).toBeNull();
    expect((await workshops.participantByToken(sessionToken(fresh ?? '', first.workshop.id)))?.id).toBe(
      first.facilitator.id,
    );
    expect(await strategies.reissueToken('nope')).toBeNull();
  });

  it('archives and restores; an archived strategy’s sessions say so', async () => {
    const { strategies, workshops, strategy, session } = await setup(backend);
    const first = await session();
    expect((await strategies.setArchived(strategy.id, true))?.archivedAt).toEqual(expect.any(String));
    expect((await workshops.get(first.workshop.id))?.strategyArchived).toBe(true);
    expect((await workshops.getByJoinCode(first.workshop.joinCode))?.strategyArchived).toBe(true);
    expect((await strategies.setArchived(strategy.id, false))?.archivedAt).toBeNull();
    expect((await workshops.get(first.workshop.id))?.strategyArchived).toBe(false);
  });
});

describe.each(backends)('strategy store on $name: what is read is what was written', (backend) => {
  it('gives back a strategy exactly as created; unknown ids find nothing', async () => {
    const { strategies, strategy, token } = await setup(backend);
    expect(strategy.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await strategies.get(strategy.id)).toStrictEqual(strategy);
    expect(await strategies.get('nope')).toBeNull();
    expect(await strategies.authenticates('nope', token)).toBe(false);
    expect(await strategies.sessions('nope')).toEqual([]);
    expect(await strategies.setArchived('nope', true)).toBeNull();
    const archived = await strategies.setArchived(strategy.id, true);
    expect(archived?.archivedAt).toMatch(/Z$/);
    // Archiving twice keeps the first time.
    expect(await strategies.setArchived(strategy.id, true)).toStrictEqual(archived);
    expect(await strategies.get(strategy.id)).toStrictEqual(archived);
  });

  it('keeps a session’s planned day and refuses a workshop that is already a session', async () => {
    const { strategies, workshops, strategy, token, session } = await setup(backend);
    const first = await session();
    const created = await workshops.create({
      title: 'Deux',
      territory: TERRITORY,
      locale: 'fr',
      facilitatorName: 'Noé',
    });
    const added = await strategies.addSession({
      strategyId: strategy.id,
      strategyToken: token,
      workshopId: created.workshop.id,
      facilitatorId: created.facilitator.id,
      date: '2027-04-01',
    });
    expect(added).toEqual({
      workshopId: created.workshop.id,
      index: 2,
      date: '2027-04-01',
      facilitatorId: created.facilitator.id,
    });
    expect((await strategies.sessions(strategy.id))[1]).toEqual(added);
    await expect(
      strategies.addSession({
        strategyId: strategy.id,
        strategyToken: token,
        workshopId: first.workshop.id,
        facilitatorId: first.facilitator.id,
        date: null,
      }),
    ).rejects.toThrow(/already a session/);
    expect((await strategies.sessions(strategy.id)).map((s) => s.index)).toEqual([1, 2]);
  });

  it('numbers sessions added at once one after the other', async () => {
    const { strategies, workshops, strategy, token } = await setup(backend);
    const made = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        workshops.create({
          title: `Séance ${i}`,
          territory: TERRITORY,
          locale: 'fr',
          facilitatorName: 'Camille',
        }),
      ),
    );
    await Promise.all(
      made.map((m) =>
        strategies.addSession({
          strategyId: strategy.id,
          strategyToken: token,
          workshopId: m.workshop.id,
          facilitatorId: m.facilitator.id,
          date: null,
        }),
      ),
    );
    const sessions = await strategies.sessions(strategy.id);
    expect(sessions.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    expect(sessions.map((s) => s.workshopId).sort()).toEqual(made.map((m) => m.workshop.id).sort());
  });

  it('lists the strategies without a session, and deletes one once its sessions are gone', async () => {
    const { strategies, strategy, session, purge } = await setup(backend);
    const empty = await strategies.create({ title: 'Vide', territory: TERRITORY, locale: 'fr' });
    const first = await session();
    expect(await strategies.withoutSessions()).toEqual([empty.strategy]);
    await expect(strategies.delete(strategy.id)).rejects.toThrow();
    expect(await purge.deleteWorkshop(first.workshop.id)).toBe(true);
    expect((await strategies.withoutSessions()).map((s) => s.id).sort()).toEqual(
      [empty.strategy.id, strategy.id].sort(),
    );
    expect(await strategies.delete(strategy.id)).toBe(true);
    expect(await strategies.delete(strategy.id)).toBe(false);
    expect(await strategies.get(strategy.id)).toBeNull();
  });
});

describe.each(backends)(
  'a strategy made with its sessions through Storage.withTransaction on $name',
  (backend) => {
    it('commits the strategy, its sessions and their documents together, or none of them', async () => {
      const { storage, strategies, workshops, docs } = await backend.open();
      const make = (fail: boolean) =>
        storage.withTransaction(async (tx) => {
          const { strategy, token } = await tx.strategies.create({
            title: 'Import',
            territory: TERRITORY,
            locale: 'fr',
          });
          const ids: string[] = [];
          for (const title of ['Un', 'Deux']) {
            const made = await tx.workshops.create({
              title,
              territory: TERRITORY,
              locale: 'fr',
              facilitatorName: 'Camille',
            });
            await tx.strategies.addSession({
              strategyId: strategy.id,
              strategyToken: token,
              workshopId: made.workshop.id,
              facilitatorId: made.facilitator.id,
              date: null,
            });
            await seedWorkshopDocs(tx.docs, made.workshop.id);
            ids.push(made.workshop.id);
          }
          if (fail) throw Object.assign(new Error('the import failed'), { strategy, ids });
          return { strategy, token, ids };
        });

      const failure = await make(true).catch((error: { strategy: { id: string }; ids: string[] }) => error);
      expect(failure).toBeInstanceOf(Error);
      const { strategy: gone, ids: goneIds } = failure as { strategy: { id: string }; ids: string[] };
      expect(await strategies.get(gone.id)).toBeNull();
      expect(await strategies.withoutSessions()).toEqual([]);
      for (const id of goneIds) {
        expect(await workshops.get(id)).toBeNull();
        expect((await docs.load(roomName(id, 'board'))).updates).toEqual([]);
      }

      const made = await make(false);
      expect((await strategies.sessions(made.strategy.id)).map((s) => [s.index, s.workshopId])).toEqual([
        [1, made.ids[0]],
        [2, made.ids[1]],
      ]);
      for (const id of made.ids) {
        expect((await workshops.get(id))?.strategyId).toBe(made.strategy.id);
        expect((await docs.load(roomName(id, 'control'))).updates).toHaveLength(1);
      }
    });
  },
);

import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { createSqliteStrategyStore, sessionToken } from './strategies';
import { useTempDirs } from './temp-dirs';
import { createSqliteWorkshopStore } from './workshops';

const tempDir = useTempDirs('atelier-strategies-');

async function setup() {
  const db = openDb(tempDir());
  const strategies = createSqliteStrategyStore(db);
  const workshops = createSqliteWorkshopStore(db);
  const { strategy, token } = await strategies.create({
    title: 'Val Vert',
    territory: { name: 'Val Vert', kind: 'epci' },
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
  return { strategies, workshops, strategy, token, session };
}

describe('SQLite strategy store', () => {
  it('numbers sessions in order and binds each one’s facilitator to a token derived from the strategy’s', async () => {
    const { strategies, workshops, strategy, token, session } = await setup();
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
    const { strategies, workshops, strategy, token, session } = await setup();
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
    const { strategies, workshops, strategy, session } = await setup();
    const first = await session();
    expect((await strategies.setArchived(strategy.id, true))?.archivedAt).toEqual(expect.any(String));
    expect((await workshops.get(first.workshop.id))?.strategyArchived).toBe(true);
    expect((await workshops.getByJoinCode(first.workshop.joinCode))?.strategyArchived).toBe(true);
    expect((await strategies.setArchived(strategy.id, false))?.archivedAt).toBeNull();
    expect((await workshops.get(first.workshop.id))?.strategyArchived).toBe(false);
  });
});

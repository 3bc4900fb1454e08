import { CreateSessionResponse, CreateStrategyResponse, StrategyDetail } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { api, cleanup, logEntries, makeTempDir, startServer } from './harness';
import { withServerDatabase } from './server-database';

afterAll(cleanup);

describe('retention with strategies', () => {
  it('deletes an idle session like any idle workshop; the strategy and its other sessions go on', async () => {
    const dataDir = await makeTempDir();
    let server = await startServer({ dataDir });
    const created = CreateStrategyResponse.parse(
      (
        await api(server.url, 'POST', '/api/strategies', {
          body: { title: 'Val Vert', territory: { name: 'Val Vert', kind: 'epci' }, locale: 'fr' },
        })
      ).body,
    );
    const strategy = { id: created.strategy.id, token: created.facilitatorToken };
    const addSession = async () =>
      CreateSessionResponse.parse(
        (
          await api(server.url, 'POST', `/api/strategies/${strategy.id}/sessions`, {
            token: strategy.token,
            body: {},
          })
        ).body,
      ).session;
    const first = await addSession();
    const second = await addSession();
    await server.stop();
    await withServerDatabase(dataDir, (db) =>
      db.run('UPDATE workshops SET last_active_at = ? WHERE id = ?', [
        new Date(Date.now() - 31 * 86_400_000).toISOString(),
        first.workshopId,
      ]),
    );

    server = await startServer({ dataDir, env: { RETENTION_DAYS: '30' } });
    expect(
      logEntries(server).some((e) => e.msg === 'workshop deleted' && e.workshopId === first.workshopId),
    ).toBe(true);
    const detail = StrategyDetail.parse(
      (await api(server.url, 'GET', `/api/strategies/${strategy.id}`, { token: strategy.token })).body,
    );
    expect(detail.sessions.map((s) => [s.index, s.workshopId])).toEqual([[2, second.workshopId]]);
    // A next session continues from the last one left, and is numbered after it.
    const third = await addSession();
    expect(third.index).toBe(3);
  });

  it('deletes a strategy once retention has deleted its last session, and an old one never given a session', async () => {
    const dataDir = await makeTempDir();
    let server = await startServer({ dataDir });
    const newStrategy = async (title: string) =>
      CreateStrategyResponse.parse(
        (
          await api(server.url, 'POST', '/api/strategies', {
            body: { title, territory: { name: title, kind: 'epci' }, locale: 'fr' },
          })
        ).body,
      );
    const emptied = await newStrategy('Val Vert');
    const session = CreateSessionResponse.parse(
      (
        await api(server.url, 'POST', `/api/strategies/${emptied.strategy.id}/sessions`, {
          token: emptied.facilitatorToken,
          body: {},
        })
      ).body,
    ).session;
    const stale = await newStrategy('Val Sec');
    const fresh = await newStrategy('Val Neuf');
    await server.stop();
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await withServerDatabase(dataDir, async (db) => {
      await db.run('UPDATE workshops SET last_active_at = ? WHERE id = ?', [longAgo, session.workshopId]);
      await db.run('UPDATE strategies SET created_at = ? WHERE id = ?', [longAgo, stale.strategy.id]);
    });

    server = await startServer({ dataDir, env: { RETENTION_DAYS: '30' } });
    const deleted = logEntries(server)
      .filter((e) => e.msg === 'strategy deleted')
      .map((e) => [e.strategyId, e.why, e.sessions]);
    expect(deleted.sort()).toEqual(
      [
        [emptied.strategy.id, 'retention', 0],
        [stale.strategy.id, 'retention', 0],
      ].sort(),
    );
    const read = (created: typeof fresh) =>
      api(server.url, 'GET', `/api/strategies/${created.strategy.id}`, { token: created.facilitatorToken });
    expect((await read(emptied)).status).toBe(404);
    expect((await read(stale)).status).toBe(404);
    // Created a moment ago: its facilitator has yet to add its first session.
    expect((await read(fresh)).status).toBe(200);
    await server.stop();
    expect(await withServerDatabase(dataDir, (db) => db.column('SELECT id FROM strategies'))).toEqual([
      fresh.strategy.id,
    ]);
  });
});

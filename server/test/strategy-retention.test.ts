import path from 'node:path';
import { CreateSessionResponse, CreateStrategyResponse, StrategyDetail } from '@atelier/shared';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { api, cleanup, logEntries, makeTempDir, startServer } from './harness';

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
    const db = new Database(path.join(dataDir, 'atelier.sqlite'));
    db.prepare('UPDATE workshops SET last_active_at = ? WHERE id = ?').run(
      new Date(Date.now() - 31 * 86_400_000).toISOString(),
      first.workshopId,
    );
    db.close();

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
    const db = new Database(path.join(dataDir, 'atelier.sqlite'));
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    db.prepare('UPDATE workshops SET last_active_at = ? WHERE id = ?').run(longAgo, session.workshopId);
    db.prepare('UPDATE strategies SET created_at = ? WHERE id = ?').run(longAgo, stale.strategy.id);
    db.close();

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
    const after = new Database(path.join(dataDir, 'atelier.sqlite'), { readonly: true });
    expect(after.prepare('SELECT id FROM strategies').pluck().all()).toEqual([fresh.strategy.id]);
    after.close();
  });
});

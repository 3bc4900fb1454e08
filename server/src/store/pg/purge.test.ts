/**
 * What PostgreSQL's scrub does, which the contract suite cannot see: after a deletion, `VACUUM`
 * leaves no dead row version in the touched tables (counted exactly by `pgstattuple`).
 */
import { createTestDatabase, type TestDatabase } from '@atelier/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from './migrate';
import { createPgStorage } from './storage';

const opened: { pools: pg.Pool[]; databases: TestDatabase[] } = { pools: [], databases: [] };
afterEach(async () => {
  for (const pool of opened.pools.splice(0)) await pool.end();
  for (const database of opened.databases.splice(0)) await database.drop();
});

async function storage() {
  const database = await createTestDatabase();
  opened.databases.push(database);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined); // the drop (FORCE) may end a connection still closing
  opened.pools.push(pool);
  await migratePostgres(pool);
  await pool.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
  return { pool, stores: createPgStorage(pool) };
}

async function deadRows(pool: pg.Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ dead: string }>(
    'SELECT dead_tuple_count AS dead FROM pgstattuple($1::regclass)',
    [table],
  );
  return Number(rows[0]?.dead);
}

describe('PostgreSQL’s scrub', () => {
  it('leaves no dead row version of a deleted workshop in the tables it touched', async () => {
    const { pool, stores } = await storage();
    const { workshop } = await stores.workshops.create({
      title: 'Atelier de Léa',
      territory: { name: 'Ornans', kind: 'municipality' },
      locale: 'fr',
      facilitatorName: 'Camille',
    });
    await stores.workshops.addParticipant({
      workshopId: workshop.id,
      name: 'Léa',
      group: 'resident',
      role: 'participant',
    });
    await stores.docs.append(workshop.id, [new TextEncoder().encode('une note de Léa')]);
    await stores.purge.deleteWorkshop(workshop.id);
    const tables = ['workshops', 'participants', 'doc_updates', 'doc_heads'];
    expect((await Promise.all(tables.map((t) => deadRows(pool, t)))).every((n) => n > 0)).toBe(true);

    await stores.purge.scrub();
    expect(await Promise.all(tables.map((t) => deadRows(pool, t)))).toEqual(tables.map(() => 0));
  });
});

/**
 * What PostgreSQL's scrub does, which the contract suite cannot see: after a deletion, `VACUUM`
 * leaves no dead row version in the touched tables (counted exactly by `pgstattuple`).
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { usePgStorage } from './pg-storage.fixture';

const openStorage = usePgStorage();

async function storage() {
  const opened = await openStorage();
  await opened.pool.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
  return opened;
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

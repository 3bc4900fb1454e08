/**
 * Global setup of `npm run test:unit:pg` (vitest.pg.config.ts): one database migrated once per
 * run, which every server's throwaway database is copied from (`CREATE DATABASE … TEMPLATE`), so
 * that no server migrates its own (a third of a second each, a hundred servers). Dropped at the end.
 */
import { createTestDatabase } from '@atelier/testing';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../src/store/pg/migrate';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = await createTestDatabase();
  // Copying needs nobody connected to it: the pool is ended before any test starts.
  const pool = new pg.Pool({ connectionString: template.url, max: 1 });
  try {
    await migratePostgres(pool);
  } finally {
    await pool.end();
  }
  project.provide('pgTemplate', template.name);
  return () => template.drop();
}

import { describe, expect, it } from 'vitest';
import { pgStorageProbe } from './health';

/** A server answering `pg_is_in_recovery()` with `standby`. */
const server = (standby: boolean) => ({
  query: async () => ({ rows: [{ standby }] }),
});

describe('PostgreSQL’s storage probe', () => {
  it('passes on a primary and fails on a standby, which takes no writes', async () => {
    await expect(pgStorageProbe(server(false) as never)()).resolves.toBeUndefined();
    await expect(pgStorageProbe(server(true) as never)()).rejects.toThrow('standby');
  });
});

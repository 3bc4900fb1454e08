import type { StorageProbe } from '../health';
import type { Queryable } from './executor';

/**
 * PostgreSQL's probe: the server answers and is not a standby (which refuses every write). No
 * write is made: PostgreSQL keeps its own headroom, and a full disk refuses the next commit,
 * which reports the fault again.
 */
export function pgStorageProbe(pool: Queryable): StorageProbe {
  return async () => {
    const { rows } = await pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    if (rows[0]?.standby !== false) throw new Error('the database is a standby: it takes no writes');
  };
}

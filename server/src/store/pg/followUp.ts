import {
  type FollowUpPage,
  type FollowUpRow,
  type FollowUpStore,
  newPublicId,
  toFollowUpPage,
} from '../followUp';
import type { Executor, Queryable } from './executor';

/** Reads on `pool`; writes through `writer` (the pool's, or a transaction's savepoints). */
export function createPgFollowUpStore(pool: Queryable, writer: Executor): FollowUpStore {
  const one = async (sql: string, id: string) =>
    toFollowUpPage((await pool.query<FollowUpRow>(sql, [id])).rows[0]);
  return {
    async publish(workshopId, showNames) {
      const { rows } = await writer.write<FollowUpRow>(
        `INSERT INTO follow_up_pages (workshop_id, public_id, show_names, published_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (workshop_id) DO UPDATE SET show_names = excluded.show_names
         RETURNING *`,
        [workshopId, newPublicId(), showNames],
      );
      return toFollowUpPage(rows[0]) as FollowUpPage;
    },
    async revoke(workshopId) {
      return (
        ((await writer.write('DELETE FROM follow_up_pages WHERE workshop_id = $1', [workshopId])).rowCount ??
          0) > 0
      );
    },
    ofWorkshop: (workshopId) => one('SELECT * FROM follow_up_pages WHERE workshop_id = $1', workshopId),
    byPublicId: (publicId) => one('SELECT * FROM follow_up_pages WHERE public_id = $1', publicId),
  };
}

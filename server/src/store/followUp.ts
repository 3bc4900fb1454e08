import { randomBytes } from 'node:crypto';
import type { Db } from './db';

/**
 * The published follow-up pages ("droit de suite", issue 20 §4): a workshop's page is reachable at
 * `/suivi/{publicId}` while published. The public id is random (128 bits, unlisted: only who was
 * given the link or QR code finds it); revoking deletes it, so the old link answers nothing even
 * if the page is published again (with a new id). One row per workshop, gone with the workshop.
 */
export interface FollowUpPage {
  workshopId: string;
  publicId: string;
  /** Whether notes show their author's name (only if the facilitator chose so). */
  showNames: boolean;
  publishedAt: string;
}

export interface FollowUpStore {
  /** Publishes the page, or changes whether it shows names (keeping its link). */
  publish(workshopId: string, showNames: boolean): Promise<FollowUpPage>;
  /** Takes the page down; false when it was not published. */
  revoke(workshopId: string): Promise<boolean>;
  ofWorkshop(workshopId: string): Promise<FollowUpPage | null>;
  byPublicId(publicId: string): Promise<FollowUpPage | null>;
}

/** A new page's public id: 128 random bits, URL-safe. */
export const newPublicId = () => randomBytes(16).toString('base64url');

export interface FollowUpRow {
  workshop_id: string;
  public_id: string;
  show_names: number | boolean;
  published_at: string | Date;
}

export function toFollowUpPage(row: FollowUpRow | undefined): FollowUpPage | null {
  if (!row) return null;
  return {
    workshopId: row.workshop_id,
    publicId: row.public_id,
    showNames: Boolean(row.show_names),
    publishedAt: new Date(row.published_at).toISOString(),
  };
}

export function createSqliteFollowUpStore(db: Db): FollowUpStore {
  const upsert = db.prepare(
    `INSERT INTO follow_up_pages (workshop_id, public_id, show_names, published_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (workshop_id) DO UPDATE SET show_names = excluded.show_names`,
  );
  const byWorkshop = db.prepare<[string], FollowUpRow>('SELECT * FROM follow_up_pages WHERE workshop_id = ?');
  const byPublic = db.prepare<[string], FollowUpRow>('SELECT * FROM follow_up_pages WHERE public_id = ?');
  const remove = db.prepare('DELETE FROM follow_up_pages WHERE workshop_id = ?');
  return {
    async publish(workshopId, showNames) {
      upsert.run(workshopId, newPublicId(), showNames ? 1 : 0, new Date().toISOString());
      return toFollowUpPage(byWorkshop.get(workshopId)) as FollowUpPage;
    },
    revoke: async (workshopId) => remove.run(workshopId).changes > 0,
    ofWorkshop: async (workshopId) => toFollowUpPage(byWorkshop.get(workshopId)),
    byPublicId: async (publicId) => toFollowUpPage(byPublic.get(publicId)),
  };
}

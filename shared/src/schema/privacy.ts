import { z } from 'zod';
import { CHANGE_COLLECTIONS, Locale, ParticipantGroup, Role } from './enums';

/*
 * Personal data (docs/security.md, "Personal data (RGPD)"): the notice shown at join, erasing
 * one person, deleting a workshop, retention, and a person's own data.
 */

/** One notice's wording in one language, as a deployment may configure it. */
export const PrivacyNoticeText = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** Plain-text paragraphs, shown in order (no markup). */
  paragraphs: z.array(z.string().trim().min(1).max(2000)).min(1).max(20),
});
export type PrivacyNoticeText = z.infer<typeof PrivacyNoticeText>;

/** The notice a person reads before joining, in the workshop's language (`GET /api/join/:code`). */
export const PrivacyNotice = PrivacyNoticeText.extend({
  /** Which text this is: the join sends it back and it is recorded with the acknowledgement. */
  version: z.string(),
  locale: Locale,
  /** Days without activity after which the workshop is deleted; `null`: kept until a facilitator deletes it. */
  retentionDays: z.number().int().positive().nullable(),
  /** Who to ask about one's data (`PRIVACY_CONTACT`), if the deployment says. */
  contact: z.string().nullable(),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

/** The label an erased person's name is replaced by: stable, numbered by order of arrival. */
export function neutralLabel(locale: Locale, number: number): string {
  return locale === 'fr' ? `Participant·e ${number}` : `Participant ${number}`;
}

/** `POST /api/workshops/:id/participants/:pid/erase`. */
export const EraseParticipantBody = z.strictObject({
  /** Also remove the person's notes (board, bin, private drafts); by default they stay, unsigned. */
  removeContributions: z.boolean().default(false),
});
export type EraseParticipantBody = z.input<typeof EraseParticipantBody>;

/** `DELETE /api/workshops/:id`: the workshop's title (or its id), typed by its creator. */
export const DeleteWorkshopBody = z.strictObject({
  confirm: z.string().max(300),
});
export type DeleteWorkshopBody = z.infer<typeof DeleteWorkshopBody>;

export const DeleteWorkshopResponse = z.object({ id: z.string(), deletedAt: z.string() });
export type DeleteWorkshopResponse = z.infer<typeof DeleteWorkshopResponse>;

/** What `GET /api/workshops/:id` says of retention (absent when the deployment keeps workshops). */
export const RetentionInfo = z.object({
  days: z.number().int().positive(),
  /** The last activity recorded before this request (which counts as activity too). */
  lastActiveAt: z.string(),
  /** When the workshop would have been deleted had nobody come back (`lastActiveAt` + `days`). */
  deletionPlannedAt: z.string(),
});
export type RetentionInfo = z.infer<typeof RetentionInfo>;

/** A note as a person's own data lists it. */
const OwnNote = z.object({
  id: z.string(),
  text: z.string(),
  createdAt: z.number().nullable(),
  /** `board`, `bin` (deleted, restorable by a facilitator) or `drafts` (private, silent ideation). */
  where: z.enum(['board', 'bin', 'drafts']),
});

/**
 * One row of the edit journal a person's connection wrote (docs/contract.md, "Who and when"):
 * the item and field they edited within one minute, and whether no participant was connected.
 */
const OwnEdit = z.object({
  collection: z.enum(CHANGE_COLLECTIONS),
  item: z.string(),
  /** `null`: the item itself (added, removed, restored). */
  field: z.string().nullable(),
  /** The start of the minute (ISO). */
  at: z.string(),
  alone: z.boolean(),
});

/** `GET /api/workshops/:id/participants/:pid/data`: everything the server holds of one person. */
export const ParticipantData = z.object({
  kind: z.literal('atelier-participant-data'),
  exportedAt: z.string(),
  workshop: z.object({ id: z.string(), title: z.string(), locale: Locale }),
  participant: z.object({
    id: z.string(),
    name: z.string(),
    group: ParticipantGroup,
    role: Role,
    joinedAt: z.string(),
    removedAt: z.string().nullable(),
    erasedAt: z.string().nullable(),
    notice: z.object({ version: z.string(), acknowledgedAt: z.string() }).nullable(),
  }),
  notes: z.array(OwnNote),
  ballots: z.array(
    z.object({
      roundId: z.string(),
      dots: z.record(z.string(), z.number()),
      scores: z.record(z.string(), z.record(z.string(), z.number())),
      done: z.boolean(),
    }),
  ),
  /** Their rows of the edit journal, oldest first. */
  edits: z.array(OwnEdit),
});
export type ParticipantData = z.infer<typeof ParticipantData>;

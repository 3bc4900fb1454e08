import { z } from 'zod';
import { TableId } from '../doc/tables';
import { WorkshopTemplate } from '../doc/templates';
import { BALLOT_REFUSALS } from '../votes/ballot';
import { JoinRole, Locale, ParticipantGroup, Role, TerritoryKind } from './enums';
import { PrivacyNotice, RetentionInfo } from './privacy';

/** Letters and digits that cannot be confused when read aloud or on a projector (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** Accepts a join code as people type it: any case, with spaces or dashes. */
export const JoinCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, `A join code has ${JOIN_CODE_LENGTH} characters`)
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), 'Not a valid join code'),
  );

const DisplayName = z
  .string()
  .trim()
  .min(1, 'A name is required')
  .max(60, 'A name has 60 characters at most');

export const Territory = z.object({
  name: z.string().trim().min(1, 'A territory name is required').max(160),
  kind: TerritoryKind,
});
export type Territory = z.infer<typeof Territory>;

export const CreateWorkshopBody = z.object({
  title: z.string().trim().min(1, 'A title is required').max(200),
  territory: Territory,
  locale: Locale,
  /** Shown to participants next to the facilitator's cursor; defaults to a localised "Facilitator". */
  facilitatorName: DisplayName.optional(),
  /** Which steps the workshop walks through and the themes it starts with (see templates.ts). */
  template: WorkshopTemplate.default('full'),
});
export type CreateWorkshopBody = z.input<typeof CreateWorkshopBody>;

export const CreateWorkshopResponse = z.object({
  id: z.string(),
  joinCode: z.string(),
  facilitatorToken: z.string(),
  participantId: z.string(),
  links: z.object({ participant: z.string(), facilitator: z.string() }),
});
export type CreateWorkshopResponse = z.infer<typeof CreateWorkshopResponse>;

/** A facilitator issued a new join code: the old code and its links open nothing any more. */
export const RotateJoinCodeResponse = z.object({
  joinCode: z.string(),
  links: z.object({ participant: z.string() }),
});
export type RotateJoinCodeResponse = z.infer<typeof RotateJoinCodeResponse>;

/**
 * The largest import body, in MiB. Every strategy file of 4 sessions × 500 notes fits, even with
 * every note at its 2,000-character maximum in a script of 3-byte characters (18.8 MiB; 1.8 MiB
 * with the notes people write): docs/benchmarks.md "Import size".
 */
export const IMPORT_MAX_MB = 20;
export const IMPORT_MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;

/**
 * `POST /api/workshops/import`: a new workshop seeded from an exported strategy (schema
 * version 1), to continue a strategy in a second session or to start from a template. The
 * strategy is checked whole (`Strategy` in strategy/schema.ts) before anything is created.
 */
export const ImportWorkshopBody = z.object({
  /** The exported strategy object, as the JSON export gives it. */
  strategy: z.unknown(),
  /** The facilitator of the new workshop; defaults to the strategy's facilitator. */
  facilitatorName: DisplayName.optional(),
});
export type ImportWorkshopBody = z.input<typeof ImportWorkshopBody>;

export const JoinBody = z.object({
  code: JoinCode,
  name: DisplayName,
  group: ParticipantGroup,
  role: JoinRole.default('participant'),
  /**
   * The version of the privacy notice the person read and acknowledged (`privacy.version` of
   * `GET /api/join/:code`); a join without it is refused.
   */
  noticeVersion: z
    .string({ error: 'Acknowledge the privacy notice (noticeVersion) before joining' })
    .min(1, 'Acknowledge the privacy notice (noticeVersion) before joining')
    .max(100),
});
export type JoinBody = z.input<typeof JoinBody>;

export const JoinResponse = z.object({
  workshopId: z.string(),
  participantId: z.string(),
  token: z.string(),
  role: Role,
});
export type JoinResponse = z.infer<typeof JoinResponse>;

export const ParticipantSummary = z.object({
  id: z.string(),
  name: z.string(),
  group: ParticipantGroup,
  role: Role,
  color: z.string(),
  /** A participant or observer a facilitator promoted: `role` is then `facilitator`. */
  coFacilitator: z.boolean(),
  /** Removed by a facilitator: kept in the list so their notes still show their name. */
  removed: z.boolean(),
  /** Erased by a facilitator: `name` is a neutral label ("Participant·e 12"), their token revoked. */
  erased: z.boolean().optional(),
  /**
   * In a session of a strategy, the strategy's facilitator (set only then): nobody removes,
   * demotes or erases them in the session, whose way back they are for the strategy's token.
   */
  strategyFacilitator: z.literal(true).optional(),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

export const WorkshopSummary = z.object({
  id: z.string(),
  title: z.string(),
  territory: Territory,
  locale: Locale,
  createdAt: z.string(),
  participants: z.array(ParticipantSummary),
  /** Who is asking: lets a client restore its session from a stored token. */
  you: ParticipantSummary,
  /** Only returned to facilitators, who share it. */
  joinCode: z.string().optional(),
  /** Only returned to facilitators: whether the join code lets new people in (they can close it). */
  joiningOpen: z.boolean().optional(),
  /** Only to facilitators, when the deployment deletes idle workshops (`RETENTION_DAYS`). */
  retention: RetentionInfo.optional(),
});
export type WorkshopSummary = z.infer<typeof WorkshopSummary>;

/** `PUT /api/workshops/:id/joining`: a facilitator closes joining (the code answers 410) or reopens it. */
export const JoiningBody = z.object({ open: z.boolean() });
export type JoiningBody = z.infer<typeof JoiningBody>;

/** Whether the join code lets new people in. */
export const JoiningState = z.object({ open: z.boolean() });
export type JoiningState = z.infer<typeof JoiningState>;

/** A workshop's public face, readable with only its join code (the join page shows it). */
export const WorkshopPreview = z.object({
  id: z.string(),
  title: z.string(),
  territory: Territory,
  locale: Locale,
  /** What is collected and kept, shown on the join page and acknowledged by joining. */
  privacy: PrivacyNotice,
});
export type WorkshopPreview = z.infer<typeof WorkshopPreview>;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'internal',
  // Joining (docs/security.md, Limits): too many failed codes from one address or the whole
  // server (429 with Retry-After); a code whose door the facilitator closed, or that expired (410).
  'too_many_attempts',
  'joining_closed',
  'code_expired',
  // The server's disk is full or failing: nothing was written; try again later (503, Retry-After).
  'storage_full',
  // A scale-out node lost its database or its room bus: nothing was written; try again later, or
  // on another node (503, Retry-After).
  'unavailable',
  // Too many requests from one token or address (429, with Retry-After in seconds).
  'rate_limited',
  // The server is at its capacity for this kind of work (503, with Retry-After): try again.
  'server_busy',
  // Votes (docs/votes.md): each names what was wrong; the ballot is left unchanged.
  'observer_cannot_vote',
  'not_your_ballot',
  'round_not_open',
  'time_up',
  'invalid_transition',
  // A group has not reached the round's quorum (409): reveal with `overrideQuorum` to go on.
  'quorum_not_met',
  'replayed',
  ...BALLOT_REFUSALS,
  // Tables: the table a participant picked already holds as many people as the cap allows (409).
  'table_full',
] as const;
export const ApiError = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** The request's id, as in the server's log lines and the `X-Request-Id` header (optional: older servers). */
    requestId: z.string().optional(),
    /** Invalid input: each problem with the path of the field it is about (an import lists them all). */
    issues: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** A stable code, where the route defines them (a status CSV's: `StatusProblem`), to word it in any language. */
          code: z.string().optional(),
          /** The code's parameters (a line, a column, a value…). */
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** `POST /api/workshops/:id/tables/pick`: a participant chooses their table (seating mode `pick`). */
export const TablePickBody = z.object({ tableId: TableId }).strict();
export type TablePickBody = z.infer<typeof TablePickBody>;

/** The caller's table once seated. */
export const TablePickResponse = z.object({ tableId: z.string() });
export type TablePickResponse = z.infer<typeof TablePickResponse>;

/** `POST /api/workshops/:id/tables/balance`: every participant's table after the automatic split. */
export const TableBalanceResponse = z.object({
  /** Participant id → table id, for every participant seated by the split (none without tables). */
  seats: z.record(z.string(), z.string()),
});
export type TableBalanceResponse = z.infer<typeof TableBalanceResponse>;

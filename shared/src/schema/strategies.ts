import { z } from 'zod';
import { WorkshopTemplate } from '../doc/templates';
import { StrategyChanges } from '../strategy/changes';
import { Territory } from './api';
import { Locale, ParticipantGroup, Role, Step } from './enums';
import { pathId } from './paths';

/*
 * Strategies and their sessions (docs/contract.md, "Strategies and sessions"): a strategy is the
 * whole engagement with one territory; each session is a workshop. Kept apart from api.ts so
 * that the workshop's own schemas stay readable.
 */

const Title = z.string().trim().min(1, 'A title is required').max(200);
/** A session's day, `YYYY-MM-DD`. */
const Day = z.iso.date();

/**
 * `POST /api/strategies`: a new strategy, empty, or with an existing standalone workshop as its
 * first session (`fromWorkshop`, with that workshop's facilitator token as bearer).
 */
export const CreateStrategyBody = z.union([
  z.strictObject({
    title: Title,
    territory: Territory,
    locale: Locale,
  }),
  z.strictObject({
    /** The standalone workshop that becomes session 1; title, territory and locale default to its own. */
    fromWorkshop: pathId('workshop id'),
    title: Title.optional(),
  }),
]);
export type CreateStrategyBody = z.input<typeof CreateStrategyBody>;

/** `/api/strategies/{id}/…`. */
export const StrategyPath = z.object({ id: pathId('strategy id') });
/** `/api/strategies/{id}/sessions/{workshopId}/…`. */
export const StrategySessionPath = z.object({ id: pathId('strategy id'), workshopId: pathId('workshop id') });

export const StrategyRecordSummary = z.object({
  id: z.string(),
  title: z.string(),
  territory: Territory,
  locale: Locale,
  createdAt: z.string(),
  /** When it was archived; `null` while active. */
  archivedAt: z.string().nullable(),
});
export type StrategyRecordSummary = z.infer<typeof StrategyRecordSummary>;

export const CreateStrategyResponse = z.object({
  strategy: StrategyRecordSummary,
  /** Opens the strategy and every session in it as facilitator: shown once, stored hashed. */
  facilitatorToken: z.string(),
  links: z.object({ facilitator: z.string() }),
});
export type CreateStrategyResponse = z.infer<typeof CreateStrategyResponse>;

/** One session as the strategy page lists it. */
export const SessionSummary = z.object({
  workshopId: z.string(),
  /** 1, 2, 3… in the strategy's order. */
  index: z.number().int().positive(),
  title: z.string(),
  /** The planned day (`YYYY-MM-DD`); the day it was created when none was given. */
  date: z.string(),
  createdAt: z.string(),
  /** The steps the session walks through (its control document's), in the method's order. */
  steps: z.array(Step),
  participation: z.object({
    /** People in the session now, facilitators aside (re-invited people count from their invitation). */
    participants: z.number().int().nonnegative(),
    /** Distinct authors of the notes written in this session (a note created since the session began). */
    contributors: z.number().int().nonnegative(),
  }),
  joinCode: z.string(),
  /** Whether the join code lets people in (false when closed, or the strategy is archived). */
  joiningOpen: z.boolean(),
  /** Opens the session as facilitator (the strategy's facilitator in that session). */
  facilitatorLink: z.string(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const StrategyDetail = StrategyRecordSummary.extend({
  sessions: z.array(SessionSummary),
});
export type StrategyDetail = z.infer<typeof StrategyDetail>;

/** `POST /api/strategies/{id}/sessions`. */
export const CreateSessionBody = z
  .strictObject({
    /** Defaults to the strategy's title with the session's number. */
    title: Title.optional(),
    date: Day.optional(),
    /** The new session's steps: a template's, or chosen ones (at least one). Default: `full`. */
    template: WorkshopTemplate.optional(),
    steps: z.array(Step).min(1).optional(),
    /** The session whose outcome the new one starts from; default the last one. */
    from: pathId('workshop id').optional(),
    /**
     * `again`: the earlier session's participants and observers are invited again (name, group,
     * role) with new tokens, and their personal links are returned; `new` (default): nobody is.
     */
    invite: z.enum(['again', 'new']).default('new'),
  })
  .refine((body) => !(body.template && body.steps), 'Give a template or steps, not both');
export type CreateSessionBody = z.input<typeof CreateSessionBody>;

export const InvitedPerson = z.object({
  participantId: z.string(),
  name: z.string(),
  group: ParticipantGroup,
  role: Role,
  /** Their personal link into the new session (their old one does not open it). */
  link: z.string(),
});
export type InvitedPerson = z.infer<typeof InvitedPerson>;

export const CreateSessionResponse = z.object({
  session: SessionSummary,
  /** The session the new one started from (`null` for a strategy's first session). */
  from: z.string().nullable(),
  invited: z.array(InvitedPerson),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

/** `POST /api/strategies/{id}/sessions/{workshopId}/facilitate`: how the strategy's facilitator enters a session. */
export const FacilitateResponse = z.object({
  workshopId: z.string(),
  participantId: z.string(),
  facilitatorToken: z.string(),
  links: z.object({ facilitator: z.string() }),
});
export type FacilitateResponse = z.infer<typeof FacilitateResponse>;

/** `PUT /api/strategies/{id}/archived`. */
export const ArchiveStrategyBody = z.strictObject({ archived: z.boolean() });
export type ArchiveStrategyBody = z.infer<typeof ArchiveStrategyBody>;

/** `DELETE /api/strategies/{id}`: `confirm` is the strategy's title (or its id). */
export const DeleteStrategyBody = z.strictObject({ confirm: z.string().max(300) });
export type DeleteStrategyBody = z.infer<typeof DeleteStrategyBody>;

export const DeleteStrategyResponse = z.object({
  id: z.string(),
  deletedAt: z.string(),
  /** The sessions deleted with it. */
  sessions: z.array(z.string()),
});
export type DeleteStrategyResponse = z.infer<typeof DeleteStrategyResponse>;

/** `GET /api/strategies/{id}/changes?from=&to=`. */
export const ChangesQuery = z.object({
  from: pathId('workshop id'),
  to: pathId('workshop id'),
});

export const ChangesResponse = z.object({
  from: z.object({ workshopId: z.string(), index: z.number().int().positive() }),
  to: z.object({ workshopId: z.string(), index: z.number().int().positive() }),
  /**
   * Where who and when come from (see `strategyChanges`): `edit-journal` when `to` comes after
   * `from` (the later session's edit journal gives each item's editors, last edit and whether it
   * was made between sessions); otherwise `note-authors-and-creation-times-only` (what the
   * documents record: a note's author, items' creation times).
   */
  attribution: z.enum(['edit-journal', 'note-authors-and-creation-times-only']),
  changes: StrategyChanges,
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

import { z } from 'zod';

/**
 * Why a status CSV (`POST /api/workshops/:id/follow-up/statuses`, docs/follow-up.md) was refused:
 * each problem has a stable `code` and its `params`, so that a client words it in its own
 * language; the English `message` beside them is for whoever reads the answer by hand.
 */

/** The file's line (1 is the header). */
const Line = z.number().int().min(1);
/** A cell: its line, its column as the header names it, and what it holds, as written. */
const Cell = z.object({ line: Line, column: z.string(), value: z.string() });

export const StatusProblem = z.discriminatedUnion('code', [
  // The header names no sheet column (`id` or `titre`), or no `avancement` column.
  z.object({ code: z.literal('missing_columns'), params: z.object({ line: Line }) }),
  // The row gives neither an id nor a title.
  z.object({ code: z.literal('missing_sheet'), params: z.object({ line: Line }) }),
  // Several sheets have this title: the row must give the id.
  z.object({ code: z.literal('ambiguous_title'), params: Cell }),
  z.object({ code: z.literal('unknown_sheet_id'), params: Cell }),
  // No sheet has this title, accents and case aside.
  z.object({ code: z.literal('unknown_sheet_title'), params: Cell }),
  // Not a known progress (an empty cell, which clears it, is one).
  z.object({ code: z.literal('unknown_status'), params: Cell }),
]);
export type StatusProblem = z.infer<typeof StatusProblem>;
export type StatusProblemCode = StatusProblem['code'];

/** One problem as the 400 answer lists it in `error.issues`, `path` being `line N`. */
export const StatusProblemIssue = z.intersection(
  z.object({ path: z.string(), message: z.string() }),
  StatusProblem,
);
export type StatusProblemIssue = z.infer<typeof StatusProblemIssue>;

/** `GET`/`PUT …/follow-up`: whether the page is published, its link and whether it shows names. */
export const FollowUpState = z.object({
  published: z.boolean(),
  /** The page's unlisted link (give it, or its QR code, to the participants); `null` when not published. */
  url: z.string().nullable(),
  showNames: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type FollowUpState = z.infer<typeof FollowUpState>;

/** `POST …/follow-up/statuses`: how many sheets the file changed, and how many it left as they were. */
export const StatusImport = z.object({ updated: z.number().int(), unchanged: z.number().int() });
export type StatusImport = z.infer<typeof StatusImport>;

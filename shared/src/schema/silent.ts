import { z } from 'zod';

/** `GET /api/workshops/{id}/drafts`: how many private drafts each participant has written. */
export const DraftCounts = z.object({ counts: z.record(z.string(), z.number().int().nonnegative()) });
export type DraftCounts = z.infer<typeof DraftCounts>;

/** `POST /api/workshops/{id}/reveal`: how many drafts were moved onto the board. */
export const RevealResponse = z.object({ revealed: z.number().int().nonnegative() });
export type RevealResponse = z.infer<typeof RevealResponse>;

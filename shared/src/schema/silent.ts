import { z } from 'zod';

/** `/api/workshops/{id}/…`: workshop ids are URL-safe and short (see the server's `newId`). */
export const WorkshopPath = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id'),
});
export type WorkshopPath = z.infer<typeof WorkshopPath>;

/** `GET /api/workshops/{id}/drafts`: how many private drafts each participant has written. */
export const DraftCounts = z.object({ counts: z.record(z.string(), z.number().int().nonnegative()) });
export type DraftCounts = z.infer<typeof DraftCounts>;

/** `POST /api/workshops/{id}/reveal`: how many drafts were moved onto the board. */
export const RevealResponse = z.object({ revealed: z.number().int().nonnegative() });
export type RevealResponse = z.infer<typeof RevealResponse>;

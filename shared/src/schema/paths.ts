import { z } from 'zod';

/** An id in an API path: URL-safe and short, like every id the server makes (see its `newId`). */
export function pathId(what: string) {
  return z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, `Not a valid ${what}`);
}

/** `/api/workshops/{id}/…`. */
export const WorkshopPath = z.object({ id: pathId('id') });
export type WorkshopPath = z.infer<typeof WorkshopPath>;

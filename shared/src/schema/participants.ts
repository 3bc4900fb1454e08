import { z } from 'zod';

/** `/api/workshops/{id}/participants/{participantId}`: ids are URL-safe and short (see the server's `newId`). */
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id');

export const ParticipantPath = z.object({ id: Id, participantId: Id });
export type ParticipantPath = z.infer<typeof ParticipantPath>;

/** `PATCH /api/workshops/{id}/participants/{participantId}`: promote to co-facilitator, or back. */
export const ParticipantRoleBody = z.strictObject({ coFacilitator: z.boolean() });
export type ParticipantRoleBody = z.infer<typeof ParticipantRoleBody>;

import type { Context } from 'hono';
import type { ParticipantRecord, WorkshopStore } from '../store/workshops';

/** The participant whose bearer token the request carries, or `null`. */
export function bearerParticipant(c: Context, workshops: WorkshopStore): ParticipantRecord | null {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ? workshops.participantByToken(match[1]) : null;
}

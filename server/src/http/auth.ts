import type { Context } from 'hono';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import { apiError } from './errors';

/** Each request's caller, once looked up (a rate limit keys by it before the route reads it). */
const callers = new WeakMap<Context, ParticipantRecord | null>();

/** The participant whose bearer token the request carries, or `null`. */
export function bearerParticipant(c: Context, workshops: WorkshopStore): ParticipantRecord | null {
  const known = callers.get(c);
  if (known !== undefined) return known;
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const participant = match?.[1] ? workshops.participantByToken(match[1]) : null;
  callers.set(c, participant);
  return participant;
}

/**
 * The workshop `workshopId` and the caller, who must hold a token of it; otherwise the error
 * answer to return (404 unknown workshop, 401 no token, a removed person's or another workshop's).
 */
export function workshopCaller(c: Context, workshops: WorkshopStore, workshopId: string) {
  const workshop = workshops.get(workshopId);
  if (!workshop) return { error: apiError(c, 'not_found', 'No workshop has this id') } as const;
  const you = bearerParticipant(c, workshops);
  if (!you || you.workshopId !== workshop.id) {
    return { error: apiError(c, 'unauthorized', 'A token of this workshop is required') } as const;
  }
  return { workshop, you } as { workshop: WorkshopRecord; you: ParticipantRecord; error?: never };
}

/** Like `workshopCaller`, and the caller must be a facilitator (else 403 with `refusal`). */
export function workshopFacilitator(
  c: Context,
  workshops: WorkshopStore,
  workshopId: string,
  refusal: string,
) {
  const caller = workshopCaller(c, workshops, workshopId);
  if (!caller.error && caller.you.role !== 'facilitator') {
    return { error: apiError(c, 'forbidden', refusal) } as const;
  }
  return caller;
}

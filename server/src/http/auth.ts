import type { Context } from 'hono';
import type { StrategyRecord, StrategyStore } from '../store/strategies';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import { apiError } from './errors';

/** Each request's caller, once looked up (a rate limit keys by it before the route reads it). */
const callers = new WeakMap<Context, Promise<ParticipantRecord | null>>();

/** The bearer token the request carries, or `null`. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization');
  return (header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : null) ?? null;
}

/** The participant whose bearer token the request carries, or `null`. */
export function bearerParticipant(c: Context, workshops: WorkshopStore): Promise<ParticipantRecord | null> {
  const known = callers.get(c);
  if (known !== undefined) return known;
  const token = bearerToken(c);
  const participant = token ? workshops.participantByToken(token) : Promise.resolve(null);
  callers.set(c, participant);
  return participant;
}

/**
 * The workshop `workshopId` and the caller, who must hold a token of it; otherwise the error
 * answer to return (404 unknown workshop, 401 no token, a removed person's or another workshop's).
 */
export async function workshopCaller(c: Context, workshops: WorkshopStore, workshopId: string) {
  const workshop = await workshops.get(workshopId);
  if (!workshop) return { error: apiError(c, 'not_found', 'No workshop has this id') } as const;
  const you = await bearerParticipant(c, workshops);
  if (!you || you.workshopId !== workshop.id) {
    return { error: apiError(c, 'unauthorized', 'A token of this workshop is required') } as const;
  }
  return { workshop, you } as { workshop: WorkshopRecord; you: ParticipantRecord; error?: never };
}

/** Like `workshopCaller`, and the caller must be a facilitator (else 403 with `refusal`). */
export async function workshopFacilitator(
  c: Context,
  workshops: WorkshopStore,
  workshopId: string,
  refusal: string,
) {
  const caller = await workshopCaller(c, workshops, workshopId);
  if (!caller.error && caller.you.role !== 'facilitator') {
    return { error: apiError(c, 'forbidden', refusal) } as const;
  }
  return caller;
}

/**
 * The strategy `strategyId`, when the request carries its facilitator token; otherwise the
 * error answer (404 unknown strategy, 401 no token or another one: a workshop's token never
 * opens a strategy). The token is returned: a session's facilitator token is derived from it.
 */
export async function strategyCaller(c: Context, strategies: StrategyStore, strategyId: string) {
  const strategy = await strategies.get(strategyId);
  if (!strategy) return { error: apiError(c, 'not_found', 'No strategy has this id') } as const;
  const token = bearerToken(c);
  if (!token || !(await strategies.authenticates(strategy.id, token)))
    return {
      error: apiError(c, 'unauthorized', 'The facilitator token of this strategy is required'),
    } as const;
  return { strategy, token } as { strategy: StrategyRecord; token: string; error?: never };
}

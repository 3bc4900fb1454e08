import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { WriteLimits } from '../config';
import type { RateLimit } from '../limits/rate-spec';
import { KeyedBuckets, retryAfterSeconds } from '../limits/token-bucket';
import type { Logger } from '../log';
import type { WorkshopStore } from '../store/workshops';
import { bearerParticipant } from './auth';
import { apiErrorRetryAfter } from './errors';
import { IMPORT_PATH } from './imports';
import { requestAddress } from './request-address';

/*
 * Rate limits on HTTP writes (docs/security.md, "HTTP write limits"): a token bucket per caller
 * for each group of routes. Callers with a token are counted by participant (never by the token
 * itself); the routes that take no token (creating or importing a workshop), and requests whose
 * token is no one's, by client address.
 */

export type WriteLimitName = keyof WriteLimits;

/** The routes each limit covers (hono paths), all of a group sharing one bucket per caller. */
const LIMITED_ROUTES: readonly { limit: WriteLimitName; methods: string[]; path: string }[] = [
  { limit: 'ballots', methods: ['PUT', 'DELETE'], path: '/api/workshops/:id/rounds/:roundId/ballots/:pid' },
  { limit: 'exports', methods: ['GET'], path: '/api/workshops/:id/export' },
  // A strategy's token is no participant's: counted by address.
  { limit: 'exports', methods: ['GET'], path: '/api/strategies/:id/export' },
  { limit: 'imports', methods: ['POST'], path: IMPORT_PATH },
  { limit: 'create', methods: ['POST'], path: '/api/workshops' },
  // A strategy, and each session of one, is a new workshop or a new way into some.
  { limit: 'create', methods: ['POST'], path: '/api/strategies' },
  { limit: 'create', methods: ['POST'], path: '/api/strategies/:id/sessions' },
  { limit: 'facilitation', methods: ['PUT'], path: '/api/strategies/:id/archived' },
  { limit: 'facilitation', methods: ['DELETE'], path: '/api/strategies/:id' },
  { limit: 'facilitation', methods: ['POST'], path: '/api/workshops/:id/rounds' },
  { limit: 'facilitation', methods: ['POST'], path: '/api/workshops/:id/rounds/:roundId/:action' },
  { limit: 'facilitation', methods: ['DELETE'], path: '/api/workshops/:id/rounds/:roundId' },
  { limit: 'facilitation', methods: ['POST'], path: '/api/workshops/:id/reveal' },
  { limit: 'facilitation', methods: ['POST'], path: '/api/workshops/:id/tables/balance' },
  // A participant's pick of a table shares the bucket of their ballots: one person's own writes.
  { limit: 'ballots', methods: ['POST'], path: '/api/workshops/:id/tables/pick' },
  { limit: 'facilitation', methods: ['POST'], path: '/api/workshops/:id/join-code' },
  { limit: 'facilitation', methods: ['PUT'], path: '/api/workshops/:id/joining' },
  { limit: 'facilitation', methods: ['POST'], path: '/api/workshops/:id/participants/:pid/erase' },
  { limit: 'facilitation', methods: ['DELETE'], path: '/api/workshops/:id' },
  { limit: 'facilitation', methods: ['DELETE', 'PATCH'], path: '/api/workshops/:id/participants/:pid' },
];

/** Limits on routes that take no token count by address. */
const BY_ADDRESS: ReadonlySet<WriteLimitName> = new Set(['imports', 'create']);

/** What the refusal's message says was too frequent. */
const WHAT: Record<WriteLimitName, string> = {
  ballots: 'ballot changes',
  exports: 'exports',
  imports: 'imports',
  create: 'new workshops from this address',
  facilitation: 'facilitator actions',
};

/**
 * A middleware letting `limit.burst` requests through at once per key, then `limit.perSecond`;
 * past that, 429 `rate_limited` with `Retry-After` (whole seconds) and a log line naming the limit.
 */
export function rateLimit(
  name: WriteLimitName,
  limit: RateLimit,
  keyOf: (c: Context) => string | Promise<string>,
  log: Logger,
  counted: (limit: string) => void = () => {},
): MiddlewareHandler {
  const buckets = new KeyedBuckets(limit.burst, limit.perSecond);
  return async function rateLimited(c, next) {
    const key = await keyOf(c);
    if (buckets.take(key)) return next();
    const retryAfter = retryAfterSeconds(buckets.waitMs(key));
    log.warn({ limit: name, key, retryAfter }, 'rate limited');
    counted(name);
    return apiErrorRetryAfter(
      c,
      'rate_limited',
      `Too many ${WHAT[name]}: try again in ${retryAfter} s`,
      retryAfter,
    );
  };
}

export interface WriteLimitDeps {
  workshops: WorkshopStore;
  log: Logger;
  limits: WriteLimits;
  trustProxyHops: number;
  /** Counts each refusal (`atelier_rate_limited_total{limit}`). */
  counted?: (limit: string) => void;
}

/** Puts each configured limit in front of its routes; call before the routes are mounted. */
export function applyWriteLimits(app: OpenAPIHono, deps: WriteLimitDeps): void {
  const byAddress = (c: Context) => `address ${requestAddress(c, deps.trustProxyHops)}`;
  const byCaller = async (c: Context) => {
    const caller = await bearerParticipant(c, deps.workshops);
    return caller ? `participant ${caller.id}` : byAddress(c);
  };
  const middleware = new Map<WriteLimitName, MiddlewareHandler>();
  for (const name of Object.keys(deps.limits) as WriteLimitName[]) {
    const limit = deps.limits[name];
    if (limit)
      middleware.set(
        name,
        rateLimit(name, limit, BY_ADDRESS.has(name) ? byAddress : byCaller, deps.log, deps.counted),
      );
  }
  for (const route of LIMITED_ROUTES) {
    const limiter = middleware.get(route.limit);
    if (limiter) app.on(route.methods, route.path, limiter);
  }
}

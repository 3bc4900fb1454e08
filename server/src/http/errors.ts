import type { ApiError } from '@atelier/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isStorageFault, refusalOf, type WriteRefusal } from '../store/health';
import { RoomDamaged } from '../sync/stored-doc';

type ErrorCode = ApiError['error']['code'];

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  too_many_attempts: 429,
  joining_closed: 410,
  code_expired: 410,
  storage_full: 503,
  unavailable: 503,
  server_busy: 503,
  observer_cannot_vote: 403,
  not_your_ballot: 403,
  round_not_open: 409,
  time_up: 409,
  invalid_transition: 409,
  quorum_not_met: 409,
  replayed: 409,
  over_budget: 422,
  over_cap: 422,
  negative_not_allowed: 422,
  unknown_target: 422,
  unknown_criterion: 422,
  unknown_grade: 422,
  wrong_mode: 422,
  table_full: 409,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

type Issues = NonNullable<ApiError['error']['issues']>;

/**
 * The one shape every API error has: `{ error: { code, message, requestId } }`, with `issues`
 * when each problem is listed. `requestId` is the request's (its log lines carry it too).
 */
export function apiError<C extends ErrorCode>(c: Context, code: C, message: string, issues?: Issues) {
  const requestId = c.get('requestId');
  const body: ApiError = {
    error: { code, message, ...(requestId ? { requestId } : {}), ...(issues ? { issues } : {}) },
  };
  return c.json(body, STATUS[code] as (typeof STATUS)[C]);
}

/** An error that says when to try again: `Retry-After` (whole seconds), then the answer. */
export function apiErrorRetryAfter<C extends ErrorCode>(
  c: Context,
  code: C,
  message: string,
  seconds: number,
) {
  c.header('Retry-After', String(seconds));
  return apiError(c, code, message);
}

/** How long a client waits before retrying a write refused with `storage_full` or `unavailable` (seconds). */
export const STORAGE_RETRY_AFTER_S = 10;

/**
 * A write refused because the node cannot store it (503 with `Retry-After`): `storage_full` when
 * the disk does not take it, `unavailable` when the database or the room bus cannot be reached.
 */
export function writeRefused(c: Context, refusal: WriteRefusal) {
  if (refusal === 'unavailable')
    return apiErrorRetryAfter(
      c,
      'unavailable',
      'The server cannot reach its database or its other nodes right now; nothing was changed. Try again in a moment.',
      STORAGE_RETRY_AFTER_S,
    );
  return apiErrorRetryAfter(
    c,
    'storage_full',
    'The server cannot save anything right now (its storage is full or failing); nothing was changed. Try again in a few minutes.',
    STORAGE_RETRY_AFTER_S,
  );
}

/**
 * Maps anything thrown in a handler to an API error; unexpected errors are logged, not leaked.
 * A database that did not take a write is a 503 `storage_full` (or `unavailable`: it could not be
 * reached), told to `onStorageFault`.
 */
export function errorFromException(
  c: Context,
  error: unknown,
  logError: (error: unknown) => void,
  onStorageFault?: (error: unknown) => void,
) {
  if (error instanceof HTTPException) {
    const code = (Object.entries(STATUS).find(([, status]) => status === error.status)?.[0] ??
      'bad_request') as ErrorCode;
    const message =
      error.status === 400 && /json/i.test(error.message) ? 'The body is not valid JSON' : error.message;
    return apiError(c, code, message || code);
  }
  logError(error);
  if (isStorageFault(error)) {
    onStorageFault?.(error);
    return writeRefused(c, refusalOf(error));
  }
  if (error instanceof RoomDamaged)
    return apiError(
      c,
      'internal',
      "One of this workshop's stored documents is damaged; the server's operator can restore it",
    );
  return apiError(c, 'internal', 'Something went wrong on the server');
}

/** Zod issues as an answer lists them: each with the dotted path of its field (`notes.3.text`). */
export function issueList(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issues {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Turns zod issues into one readable sentence naming the fields. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

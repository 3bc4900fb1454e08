import { ApiError } from '@atelier/shared';

/** What can go wrong talking to the server: an API error code, or no answer at all. */
export type RequestErrorCode = ApiError['error']['code'] | 'network' | 'invalid_response';

/** One problem the server found in what was sent (an import lists each one). */
export type RequestProblem = NonNullable<ApiError['error']['issues']>[number];

/** A failed request, carrying the server's `{error:{code,message,issues}}` when there was one. */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly status: number,
    /** What the server found wrong, field by field (empty when it did not say). */
    readonly problems: readonly RequestProblem[] = [],
    /** How long the server asked to wait before trying again (`Retry-After` of a 429 or 503), if it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** `/api/workshops/:id`, then each further segment, every one of them URL-encoded. */
export function workshopApiPath(workshopId: string, ...segments: string[]): string {
  return ['/api/workshops', workshopId, ...segments]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join('/');
}

/** Anything with zod's `safeParse`: lets each call validate its answer with a shared schema. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
}

/**
 * Sends a request (JSON body, bearer token) and answers the server's successful response;
 * an error answer becomes a `RequestError`, and so does no answer at all (`network`).
 */
export async function request(
  path: string,
  options: RequestOptions = {},
  accept = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new RequestError('network', error instanceof Error ? error.message : 'Network error', 0);
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    throw errorFromAnswer(response.status, payload, response.headers.get('Retry-After'));
  }
  return response;
}

/** Fetches JSON, turns error answers into `RequestError`s and validates success answers. */
export async function requestJson<T>(
  path: string,
  schema: Schema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await request(path, options);
  const payload: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new RequestError('invalid_response', `Unexpected answer from ${path}`, response.status);
  return parsed.data;
}

export function errorFromAnswer(
  status: number,
  payload: unknown,
  retryAfter: string | null = null,
): RequestError {
  const wait = retryAfterMs(retryAfter);
  const parsed = ApiError.safeParse(payload);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new RequestError(code, message, status, issues ?? [], wait);
  }
  return new RequestError(codeForStatus(status), `HTTP ${status}`, status, [], wait);
}

/** `Retry-After` in whole seconds (the server never sends a date), as milliseconds. */
function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}

function codeForStatus(status: number): RequestErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'server_busy';
  return 'internal';
}

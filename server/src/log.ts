import { randomUUID } from 'node:crypto';
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs (event message + fields). Tokens and what participants type never
 * go in: request logs keep only the path, and any field named like a secret is censored.
 *
 * Written synchronously to stdout: pino's default asynchronous stdout flushes again at exit and
 * retries a write that failed with EPIPE forever, so a server whose reader had gone
 * (`npm start | tee log`, then Ctrl-C) never stopped. In sync mode a broken pipe makes pino stop
 * writing (its EPIPE filter) and nothing is left to flush at exit. Tests may pass another
 * destination (lines kept in memory).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino(
    {
      level,
      base: null,
      redact: {
        paths: [
          'token',
          '*.token',
          'facilitatorToken',
          '*.facilitatorToken',
          'authorization',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** What a proxy may hand us as a request id (nginx's `$request_id`, a UUID…): short, plain characters. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id one HTTP request or sync connection carries in its log lines, its answer's
 * `X-Request-Id`, its error replies and its close frames: the one a trusted proxy sent in
 * `X-Request-Id` when it looks like an id (so the proxy's and Atelier's logs join up), else a new one.
 * A header from the client itself (`trusted` false: no `TRUST_PROXY`) is ignored.
 */
export function correlationId(incoming: string | string[] | undefined, trusted: boolean): string {
  return trusted && typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

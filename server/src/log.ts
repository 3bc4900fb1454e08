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

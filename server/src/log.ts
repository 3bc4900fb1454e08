import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs (event message + fields). Tokens and what participants type never
 * go in: request logs keep only the path, and any field named like a secret is censored.
 */
export function createLogger(level: string): Logger {
  return pino({
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
  });
}

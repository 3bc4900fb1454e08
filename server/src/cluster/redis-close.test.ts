import { describe, expect, it } from 'vitest';
import { closeRedis, within } from './redis-close';

/** A connection as a shutdown sees it: `answers` says whether its QUIT is ever answered. */
function connection(status: string, answers: boolean) {
  const seen: string[] = [];
  return {
    seen,
    client: {
      status,
      quit: () => {
        seen.push('quit');
        return answers ? Promise.resolve('OK' as const) : new Promise<'OK'>(() => {});
      },
      disconnect: () => {
        seen.push('disconnect');
      },
    },
  };
}

describe('closing Redis at shutdown', () => {
  it('says QUIT to a connection that answers, then lets it go', async () => {
    const { client, seen } = connection('ready', true);
    await closeRedis(client, 1000);
    expect(seen).toEqual(['quit', 'disconnect']);
  });

  it('drops a connection whose QUIT is never answered, after the deadline', async () => {
    const { client, seen } = connection('ready', false);
    const started = performance.now();
    await closeRedis(client, 50);
    expect(seen).toEqual(['quit', 'disconnect']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('drops at once a connection that is not up (a QUIT would wait for the reconnection)', async () => {
    const { client, seen } = connection('reconnecting', false);
    await closeRedis(client, 10_000);
    expect(seen).toEqual(['disconnect']);
  });

  it('waits for work that ends, never for work that does not, and never rejects', async () => {
    await expect(within(Promise.reject(new Error('lost')), 10_000)).resolves.toBeUndefined();
    await expect(within(new Promise(() => {}), 20)).resolves.toBeUndefined();
  });
});

/**
 * How long a node's shutdown waits for Redis before it drops the connection: a Redis that does
 * not answer (lost, or a command queued while reconnecting) must not hold a SIGTERM up.
 */
export const REDIS_CLOSE_MS = 1000;

/** Resolves once `work` settles or `ms` have passed, whichever comes first; never rejects. */
export function within(work: Promise<unknown>, ms = REDIS_CLOSE_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

/** What closing needs of an ioredis connection. */
export interface RedisConnection {
  /** ioredis' state: 'ready' once connected and answering. */
  readonly status: string;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/** Says QUIT to a connection that is up and answers within `ms`; drops it in any case after. */
export async function closeRedis(client: RedisConnection, ms = REDIS_CLOSE_MS): Promise<void> {
  if (client.status === 'ready') await within(client.quit(), ms);
  client.disconnect();
}

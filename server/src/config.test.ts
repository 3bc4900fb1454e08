import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the scale-out settings', () => {
  it('runs one process on SQLite by default', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.workers).toBe(1);
  });

  it('takes a PostgreSQL URL and refuses anything else', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://atelier@db.internal/atelier' }).databaseUrl).toBe(
      'postgres://atelier@db.internal/atelier',
    );
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/atelier' })).toThrow(/DATABASE_URL: a postgres:\/\//);
  });

  it('runs several processes only on PostgreSQL and Redis', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS above 1 needs DATABASE_URL and REDIS_URL/);
    expect(() => loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://db/atelier' })).toThrow(/REDIS_URL/);
    const both = { DATABASE_URL: 'postgres://db/atelier', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig({ ...both, WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ ...both, WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS/);
  });
});

describe('the room bus configuration', () => {
  const PG = { DATABASE_URL: 'postgres://db/atelier' };

  it('has no bus without REDIS_URL (one process), and one with its prefix when it is set', () => {
    expect(loadConfig({}).redis).toBeNull();
    expect(loadConfig({ REDIS_URL: '' }).redis).toBeNull();
    expect(loadConfig({ ...PG, REDIS_URL: 'redis://10.0.0.5:6379' }).redis).toEqual({
      url: 'redis://10.0.0.5:6379',
      prefix: 'atelier:',
    });
    expect(
      loadConfig({ ...PG, REDIS_URL: 'rediss://atelier:secret@redis.internal:6380/2', REDIS_PREFIX: 'prod:' })
        .redis,
    ).toEqual({ url: 'rediss://atelier:secret@redis.internal:6380/2', prefix: 'prod:' });
  });

  it('refuses a bus without PostgreSQL: the nodes share one database', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://10.0.0.5:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
  });

  it('refuses a URL that is not Redis, and a prefix that does not end with ":"', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://10.0.0.5:6379' })).toThrow(
      /REDIS_URL: a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(() => loadConfig({ ...PG, REDIS_URL: 'redis://h', REDIS_PREFIX: 'atelier' })).toThrow(
      /REDIS_PREFIX/,
    );
    expect(() => loadConfig({ ...PG, REDIS_URL: 'redis://h', REDIS_PREFIX: 'a b:' })).toThrow(/REDIS_PREFIX/);
  });
});

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

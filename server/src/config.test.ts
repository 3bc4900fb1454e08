import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the room bus configuration', () => {
  it('has no bus without REDIS_URL (one process), and one with its prefix when it is set', () => {
    expect(loadConfig({}).redis).toBeNull();
    expect(loadConfig({ REDIS_URL: '' }).redis).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://10.0.0.5:6379' }).redis).toEqual({
      url: 'redis://10.0.0.5:6379',
      prefix: 'atelier:',
    });
    expect(
      loadConfig({ REDIS_URL: 'rediss://atelier:secret@redis.internal:6380/2', REDIS_PREFIX: 'prod:' }).redis,
    ).toEqual({ url: 'rediss://atelier:secret@redis.internal:6380/2', prefix: 'prod:' });
  });

  it('refuses a URL that is not Redis, and a prefix that does not end with ":"', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://10.0.0.5:6379' })).toThrow(
      /REDIS_URL: a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(() => loadConfig({ REDIS_URL: 'redis://h', REDIS_PREFIX: 'atelier' })).toThrow(/REDIS_PREFIX/);
    expect(() => loadConfig({ REDIS_URL: 'redis://h', REDIS_PREFIX: 'a b:' })).toThrow(/REDIS_PREFIX/);
  });
});

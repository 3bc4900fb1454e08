/**
 * The storage health's probe, on every backend (docs/scale-out.md, "Store contract suite"):
 * SQLite's writes a row, PostgreSQL's asks the server whether it takes writes (not a standby).
 * What only SQLite can show (a full disk) stays in `health.test.ts`.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { useBackends } from './backends.fixture';
import { createStorageHealth } from './health';

const backends = useBackends();
const silent = pino({ level: 'silent' });

describe.each(backends)('storage health on $name', (backend) => {
  it('takes writes again at the first probe that succeeds, and tells its listeners once', async () => {
    const { probe } = await backend.open();
    await expect(probe()).resolves.toBeUndefined();
    const health = createStorageHealth(probe, silent, { probeMs: 60_000 });
    let recovered = 0;
    health.onRecovered(() => recovered++);
    health.report(Object.assign(new Error('a commit failed'), { code: 'SQLITE_FULL' }));
    expect(health.writable).toBe(false);
    // Two probes at once (the timer's and a caller's): one recovery.
    expect(await Promise.all([health.probe(), health.probe()])).toEqual([true, true]);
    expect(health.writable).toBe(true);
    expect(recovered).toBe(1);
    health.close();
  });

  it('keeps refusing writes while the database cannot be reached', async () => {
    const stores = await backend.open();
    const health = createStorageHealth(stores.probe, silent, { probeMs: 60_000 });
    health.report(new Error('a commit failed'));
    await stores.close();
    await expect(stores.probe()).rejects.toThrow();
    expect(await health.probe()).toBe(false);
    expect(health.writable).toBe(false);
    health.close();
  });
});

import { describe, expect, it } from 'vitest';
import { forgetStrategy, loadStrategy, rememberedStrategies, rememberStrategy } from './strategySession';

/** A Storage-like map, as the browser's localStorage behaves. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe('strategies remembered on this browser', () => {
  it('keeps the token, merges a title learnt later, and forgets on request', () => {
    const store = memoryStorage();
    expect(rememberStrategy({ id: 's1' }, store)).toBeNull();
    rememberStrategy({ id: 's1', token: 'tok' }, store, new Date('2026-12-01T10:00:00Z'));
    rememberStrategy({ id: 's1', title: 'Val de Loue 2030' }, store, new Date('2026-12-02T10:00:00Z'));
    expect(loadStrategy('s1', store)).toEqual({
      id: 's1',
      token: 'tok',
      title: 'Val de Loue 2030',
      openedAt: '2026-12-02T10:00:00.000Z',
    });
    forgetStrategy('s1', store);
    expect(loadStrategy('s1', store)).toBeNull();
  });

  it('lists them for the home page, the latest opened first, ignoring workshops and broken entries', () => {
    const store = memoryStorage();
    rememberStrategy({ id: 'old', token: 'a' }, store, new Date('2026-11-01T00:00:00Z'));
    rememberStrategy({ id: 'new', token: 'b' }, store, new Date('2026-12-01T00:00:00Z'));
    store.setItem('atelier:session:w1', JSON.stringify({ token: 'w' }));
    store.setItem('atelier:strategy:broken', '{');
    expect(rememberedStrategies(store).map((s) => s.id)).toEqual(['new', 'old']);
  });
});

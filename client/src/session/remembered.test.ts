import { describe, expect, it } from 'vitest';
import {
  forgetStrategy,
  forgetWorkshop,
  loadRemembered,
  loadStrategy,
  MAX_REMEMBERED,
  rememberedStrategies,
  rememberSteps,
  rememberStrategy,
  rememberWorkshop,
  unlistWorkshop,
} from './remembered';
import { type KeyValueStorage, type ListableStorage, loadSession, saveSession } from './session';

/** A Storage-like map, as the browser's localStorage behaves (it lists its keys). */
function memoryStorage(): ListableStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const territory = { name: 'Val de Loue', kind: 'epci' } as const;
const at = (iso: string) => new Date(iso);

/** A workshop this browser holds a facilitator token for. */
function withToken(store: KeyValueStorage, id: string): void {
  saveSession(id, { token: `token-${id}`, role: 'facilitator' }, store);
}

describe('the workshops this browser remembers for its facilitator', () => {
  it('lists the workshops created here, newest first, with when they were opened', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    withToken(store, 'w2');
    rememberWorkshop(
      { id: 'w1', title: 'Mobilités', territory, steps: ['assessment', 'issues'] },
      at('2026-12-01T09:00:00Z'),
      store,
    );
    rememberWorkshop({ id: 'w2', title: 'Plan d’actions', territory }, at('2026-12-02T09:00:00Z'), store);
    expect(loadRemembered(store)).toEqual([
      {
        kind: 'workshop',
        id: 'w2',
        title: 'Plan d’actions',
        territory,
        createdAt: '2026-12-02T09:00:00.000Z',
        lastOpenedAt: '2026-12-02T09:00:00.000Z',
      },
      {
        kind: 'workshop',
        id: 'w1',
        title: 'Mobilités',
        territory,
        createdAt: '2026-12-01T09:00:00.000Z',
        lastOpenedAt: '2026-12-01T09:00:00.000Z',
        steps: ['assessment', 'issues'],
      },
    ]);
  });

  it('updates when a workshop was last opened, keeping its creation date and steps', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    rememberWorkshop(
      { id: 'w1', title: 'Mobilités', territory, steps: ['axes'] },
      at('2026-12-01T09:00:00Z'),
      store,
    );
    rememberWorkshop(
      { id: 'w1', title: 'Mobilités douces', territory, createdAt: '2026-12-01T08:59:58.000Z' },
      at('2026-12-03T14:00:00Z'),
      store,
    );
    rememberWorkshop({ id: 'w1', title: 'Mobilités douces', territory }, at('2026-12-04T10:00:00Z'), store);
    expect(loadRemembered(store)).toEqual([
      {
        kind: 'workshop',
        id: 'w1',
        title: 'Mobilités douces',
        territory,
        createdAt: '2026-12-01T08:59:58.000Z',
        lastOpenedAt: '2026-12-04T10:00:00.000Z',
        steps: ['axes'],
      },
    ]);
    rememberSteps('w1', ['axes', 'actions'], store);
    rememberSteps('unknown', ['axes'], store);
    expect(loadRemembered(store).map((entry) => [entry.id, entry.steps])).toEqual([
      ['w1', ['axes', 'actions']],
    ]);
  });

  it('forgets a workshop on this browser: its entry and its token, nothing else', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    withToken(store, 'w2');
    rememberWorkshop({ id: 'w1', title: 'Un', territory }, at('2026-12-01T09:00:00Z'), store);
    rememberWorkshop({ id: 'w2', title: 'Deux', territory }, at('2026-12-02T09:00:00Z'), store);
    forgetWorkshop('w1', store);
    expect(loadRemembered(store).map((entry) => entry.id)).toEqual(['w2']);
    expect(loadSession('w1', store)).toBeNull();
    expect(loadSession('w2', store)?.token).toBe('token-w2');
    // Opened again with its facilitator link, it is listed again.
    withToken(store, 'w1');
    rememberWorkshop({ id: 'w1', title: 'Un', territory }, at('2026-12-05T09:00:00Z'), store);
    expect(loadRemembered(store).map((entry) => entry.id)).toEqual(['w1', 'w2']);
  });

  it('takes a workshop off the list and keeps its token when its co-facilitator becomes a participant', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    rememberWorkshop({ id: 'w1', title: 'Un', territory }, at('2026-12-01T09:00:00Z'), store);
    unlistWorkshop('w1', store);
    expect(loadRemembered(store)).toEqual([]);
    expect(loadSession('w1', store)?.token).toBe('token-w1');
  });

  it('does not list a workshop whose token this browser no longer holds', () => {
    const store = memoryStorage();
    rememberWorkshop({ id: 'w1', title: 'Un', territory }, at('2026-12-01T09:00:00Z'), store);
    expect(loadRemembered(store)).toEqual([]);
  });

  it('keeps no token in the list itself', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    rememberWorkshop({ id: 'w1', title: 'Un', territory }, at('2026-12-01T09:00:00Z'), store);
    expect(store.data.get('atelier:home')).not.toContain('token-w1');
  });

  it('ignores corrupt or tampered storage, keeping the entries still readable', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    store.setItem('atelier:home', '{not json');
    expect(loadRemembered(store)).toEqual([]);
    store.setItem('atelier:home', JSON.stringify({ version: 1, entries: 'nope' }));
    expect(loadRemembered(store)).toEqual([]);
    const good = {
      kind: 'workshop',
      id: 'w1',
      title: 'Un',
      territory,
      createdAt: '2026-12-01T09:00:00.000Z',
      lastOpenedAt: '2026-12-01T09:00:00.000Z',
    };
    store.setItem(
      'atelier:home',
      JSON.stringify({
        version: 1,
        entries: [
          null,
          { ...good, id: '../../etc' },
          { ...good, territory: { name: 'X', kind: 'planet' } },
          { ...good, kind: 'spaceship' },
          { ...good, lastOpenedAt: 'yesterday' },
          good,
          { ...good, title: 'Doublon' },
        ],
      }),
    );
    expect(loadRemembered(store)).toEqual([good]);
    // Writing again keeps only what was readable.
    rememberWorkshop({ id: 'w1', title: 'Un', territory }, at('2026-12-02T09:00:00Z'), store);
    expect(JSON.parse(store.data.get('atelier:home') ?? '').entries).toHaveLength(1);
  });

  it('makes room by dropping the workshops opened longest ago', () => {
    const store = memoryStorage();
    for (let i = 0; i <= MAX_REMEMBERED; i++) {
      const id = `w${i}`;
      withToken(store, id);
      rememberWorkshop({ id, title: id, territory }, new Date(Date.UTC(2026, 0, 1, 0, i)), store);
    }
    const ids = loadRemembered(store).map((entry) => entry.id);
    expect(ids).toHaveLength(MAX_REMEMBERED);
    expect(ids).not.toContain('w0');
    expect(ids[0]).toBe(`w${MAX_REMEMBERED}`);
  });
});

describe('the strategies this browser remembers, in the same list', () => {
  it('keeps the token, merges a title learnt later, and forgets on request', () => {
    const store = memoryStorage();
    expect(rememberStrategy({ id: 's1' }, store)).toBeNull();
    rememberStrategy({ id: 's1', token: 'tok' }, store, at('2026-12-01T10:00:00Z'));
    rememberStrategy({ id: 's1', title: 'Val de Loue 2030' }, store, at('2026-12-02T10:00:00Z'));
    expect(loadStrategy('s1', store)).toEqual({
      kind: 'strategy',
      id: 's1',
      token: 'tok',
      title: 'Val de Loue 2030',
      lastOpenedAt: '2026-12-02T10:00:00.000Z',
    });
    expect([...store.data.keys()]).toEqual(['atelier:home']);
    forgetStrategy('s1', store);
    expect(loadStrategy('s1', store)).toBeNull();
  });

  it('lists them apart from the workshops, the latest opened first', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    rememberWorkshop({ id: 'w1', title: 'Mobilités', territory }, at('2026-12-03T00:00:00Z'), store);
    rememberStrategy({ id: 'old', token: 'a' }, store, at('2026-11-01T00:00:00Z'));
    rememberStrategy({ id: 'new', token: 'b' }, store, at('2026-12-01T00:00:00Z'));
    expect(rememberedStrategies(store).map((s) => s.id)).toEqual(['new', 'old']);
    expect(loadRemembered(store).map((w) => w.id)).toEqual(['w1']);
    // A workshop and a strategy may share an id: two entries.
    rememberStrategy({ id: 'w1', token: 'c' }, store, at('2026-12-04T00:00:00Z'));
    expect(loadRemembered(store).map((w) => w.id)).toEqual(['w1']);
    expect(loadStrategy('w1', store)?.token).toBe('c');
  });

  it('moves strategies kept under their former keys into the list when it is read, and drops those keys', () => {
    const store = memoryStorage();
    withToken(store, 'w1');
    rememberWorkshop({ id: 'w1', title: 'Mobilités', territory }, at('2026-12-03T00:00:00Z'), store);
    store.setItem(
      'atelier:strategy:s1',
      JSON.stringify({ token: 'tok', title: 'Val de Loue 2030', openedAt: '2026-12-02T10:00:00.000Z' }),
    );
    store.setItem('atelier:strategy:s2', JSON.stringify({ token: 'tok2' }));
    store.setItem('atelier:strategy:broken', '{');
    store.setItem('atelier:strategy:tokenless', JSON.stringify({ title: 'Sans lien' }));
    expect(rememberedStrategies(store)).toEqual([
      {
        kind: 'strategy',
        id: 's1',
        token: 'tok',
        title: 'Val de Loue 2030',
        lastOpenedAt: '2026-12-02T10:00:00.000Z',
      },
      { kind: 'strategy', id: 's2', token: 'tok2', lastOpenedAt: '1970-01-01T00:00:00.000Z' },
    ]);
    expect([...store.data.keys()].filter((key) => key.startsWith('atelier:strategy:'))).toEqual([]);
    expect(loadRemembered(store).map((w) => w.id)).toEqual(['w1']);
    expect(loadStrategy('s2', store)?.token).toBe('tok2');
  });

  it('keeps the former keys while the list cannot be written', () => {
    const store = memoryStorage();
    store.setItem('atelier:strategy:s1', JSON.stringify({ token: 'tok' }));
    const full = {
      ...store,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    Object.defineProperty(full, 'length', { get: () => store.length });
    expect(rememberedStrategies(full).map((s) => s.id)).toEqual(['s1']);
    expect(store.getItem('atelier:strategy:s1')).not.toBeNull();
  });
});

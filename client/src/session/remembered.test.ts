import { describe, expect, it } from 'vitest';
import {
  forgetWorkshop,
  loadRemembered,
  MAX_REMEMBERED,
  rememberSteps,
  rememberWorkshop,
  unlistWorkshop,
} from './remembered';
import { type KeyValueStorage, loadSession, saveSession } from './session';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
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

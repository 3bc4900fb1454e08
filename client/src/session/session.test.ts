import { describe, expect, it } from 'vitest';
import { clearSession, type KeyValueStorage, loadSession, saveSession, updateSession } from './session';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('sessions', () => {
  it('keeps one session per workshop', () => {
    const store = memoryStorage();
    saveSession('w1', { token: 't1', role: 'facilitator', joinCode: 'ABC234' }, store);
    saveSession('w2', { token: 't2' }, store);
    expect(loadSession('w1', store)).toEqual({ token: 't1', role: 'facilitator', joinCode: 'ABC234' });
    expect(loadSession('w2', store)).toEqual({ token: 't2' });
    expect(loadSession('w3', store)).toBeNull();
  });

  it('updates a session without losing its token and clears it', () => {
    const store = memoryStorage();
    saveSession('w1', { token: 't1' }, store);
    updateSession('w1', { participantId: 'p1' }, store);
    expect(loadSession('w1', store)).toEqual({ token: 't1', participantId: 'p1' });
    clearSession('w1', store);
    expect(loadSession('w1', store)).toBeNull();
  });

  it('ignores corrupted or tampered entries', () => {
    const store = memoryStorage();
    store.setItem('atelier:session:w1', '{not json');
    store.setItem('atelier:session:w2', JSON.stringify({ token: 't', role: 'admin' }));
    expect(loadSession('w1', store)).toBeNull();
    expect(loadSession('w2', store)).toEqual({ token: 't' });
  });
});

import { describe, expect, it } from 'vitest';
import { dismissMessage, loadDismissed } from './dismissed';

function memory() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('dismissed messages', () => {
  it('remembers dismissed ids per workshop, forgetting those of messages since removed', () => {
    const store = memory();
    expect([...loadDismissed('w1', store)]).toEqual([]);
    dismissMessage('w1', 'm1', ['m1', 'm2'], store);
    dismissMessage('w1', 'm2', ['m1', 'm2'], store);
    expect([...loadDismissed('w1', store)].sort()).toEqual(['m1', 'm2']);
    expect([...loadDismissed('w2', store)]).toEqual([]);
    // m1 was cleared by the facilitator: no need to remember it.
    expect([...dismissMessage('w1', 'm3', ['m2', 'm3'], store)].sort()).toEqual(['m2', 'm3']);
  });

  it('reads a damaged entry as nothing dismissed', () => {
    const store = memory();
    store.setItem('atelier:dismissedMessages:w1', '{not json');
    expect([...loadDismissed('w1', store)]).toEqual([]);
    expect([...loadDismissed('w1', null)]).toEqual([]);
  });
});

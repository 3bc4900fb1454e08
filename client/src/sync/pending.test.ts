import { addNote, setNoteText } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PendingCounter } from './pending';

describe('PendingCounter', () => {
  it('counts local edits made while disconnected and clears after a sync', () => {
    const doc = new Y.Doc();
    let connected = true;
    const seen: number[] = [];
    const counter = new PendingCounter(
      doc,
      () => connected,
      () => [],
      (n) => seen.push(n),
    );
    addNote(doc, { id: 'a', x: 0, y: 0, author: 'p' });
    expect(counter.value).toBe(0);
    connected = false;
    setNoteText(doc, 'a', 'x');
    setNoteText(doc, 'a', 'xy');
    expect(counter.value).toBe(2);
    connected = true;
    counter.synced();
    expect(counter.value).toBe(0);
    expect(seen).toEqual([1, 2, 0]);
  });

  it('ignores updates that come from the provider or the local database', () => {
    const doc = new Y.Doc();
    const provider = {};
    const counter = new PendingCounter(
      doc,
      () => false,
      () => [provider],
      () => {},
    );
    const other = new Y.Doc();
    addNote(other, { id: 'a', x: 0, y: 0, author: 'p' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider);
    expect(counter.value).toBe(0);
    counter.destroy();
  });
});

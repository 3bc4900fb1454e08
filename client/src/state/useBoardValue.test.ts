import { addNote, createCluster, readVoteTargets } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cachedRead } from './useBoardValue';

const notes = (doc: Y.Doc) => readVoteTargets(doc, 'notes');
const issues = (doc: Y.Doc) => readVoteTargets(doc, 'issues');

describe('cachedRead', () => {
  const doc = new Y.Doc();
  for (const text of ['a', 'b', 'c']) addNote(doc, { text, x: 0, y: 0, author: 'p1' });
  for (const title of ['Mobilités', 'Commerce', 'Numérique', 'Énergie']) {
    createCluster(doc, { title, x: 0, y: 0 });
  }

  it('keeps the value while the document, its version and the reader are the same', () => {
    const first = cachedRead(null, doc, 0, notes);
    expect(cachedRead(first, doc, 0, notes)).toBe(first);
    expect(cachedRead(first, doc, 1, notes)).not.toBe(first);
  });

  it('reads again when the reader changes: the new-round form counts the 4 issues, not the 3 notes', () => {
    const onNotes = cachedRead(null, doc, 0, notes);
    expect(onNotes.value).toHaveLength(3);
    const onIssues = cachedRead(onNotes, doc, 0, issues);
    expect(onIssues.value.map((t) => t.label)).toEqual(['Mobilités', 'Commerce', 'Numérique', 'Énergie']);
  });
});

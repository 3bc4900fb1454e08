import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCluster } from '../doc/clusters';
import { setLocked, setStep } from '../doc/control';
import { addNote } from '../doc/notes';
import type { PublicRound } from './round';
import { readVoteTargets } from './targets';
import {
  addReminder,
  publishRound,
  readReminders,
  readRound,
  readRounds,
  unpublishRound,
  updateTouchesVotes,
  votesMap,
} from './votesDoc';

function round(id: string, createdAt: string): PublicRound {
  return {
    id,
    title: `Vote ${id}`,
    targetKind: 'issues',
    targets: [{ id: 'c1', label: 'Mobilité' }],
    mode: 'dots',
    visibility: 'secret',
    dots: { budget: 3, cap: 1, negative: false },
    criteria: null,
    grades: null,
    points: null,
    quorum: null,
    collegeWeighting: false,
    state: 'draft',
    durationMinutes: null,
    endsAt: null,
    createdAt,
    openedAt: null,
    closedAt: null,
    revealedAt: null,
    results: null,
  };
}

describe('the control document’s vote rounds', () => {
  it('publishes, reads back in creation order, replaces and removes rounds', () => {
    const control = new Y.Doc();
    publishRound(control, round('b', '2026-11-27T10:05:00.000Z'));
    publishRound(control, round('a', '2026-11-27T10:00:00.000Z'));
    expect(readRounds(control).map((r) => r.id)).toEqual(['a', 'b']);
    publishRound(control, { ...round('a', '2026-11-27T10:00:00.000Z'), state: 'open' });
    expect(readRound(control, 'a')?.state).toBe('open');
    unpublishRound(control, 'a');
    expect(readRounds(control).map((r) => r.id)).toEqual(['b']);
  });

  it('skips a malformed entry and refuses to publish one', () => {
    const control = new Y.Doc();
    votesMap(control).set('x', { id: 'x', title: 42 });
    expect(readRounds(control)).toEqual([]);
    expect(() => publishRound(control, { ...round('a', 'now'), state: 'lost' as 'open' })).toThrow();
  });

  it('keeps reminders in the private document', () => {
    const drafts = new Y.Doc();
    addReminder(drafts, 'a', 1000);
    addReminder(drafts, 'a', 2000);
    expect(readReminders(drafts)).toEqual({ a: 2000 });
  });
});

describe('readVoteTargets', () => {
  it('lists notes by creation with a one-line label, issues by rank', () => {
    const board = new Y.Doc();
    addNote(board, { id: 'n2', text: 'Deuxième', x: 0, y: 0, author: 'p', now: 2 });
    addNote(board, { id: 'n1', text: `Première\nligne ${'x'.repeat(300)}`, x: 0, y: 0, author: 'p', now: 1 });
    createCluster(board, { title: 'Mobilité', x: 0, y: 0 }, 'c1');
    const notes = readVoteTargets(board, 'notes');
    expect(notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(notes[0]?.label.startsWith('Première ligne x')).toBe(true);
    expect(notes[0]?.label.length).toBe(140);
    expect(readVoteTargets(board, 'issues')).toEqual([{ id: 'c1', label: 'Mobilité' }]);
    expect(readVoteTargets(board, 'axes')).toEqual([]);
  });
});

describe('updateTouchesVotes', () => {
  /** The update a replica of `control` makes with `change`. */
  function updateOf(control: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(control));
    const before = Y.encodeStateVector(replica);
    change(replica);
    return Y.encodeStateAsUpdate(replica, before);
  }
  const control = new Y.Doc();
  publishRound(control, round('a', '2026-11-27T10:00:00.000Z'));

  it('sees a round added, replaced or deleted', () => {
    expect(
      updateTouchesVotes(
        control,
        updateOf(control, (d) => votesMap(d).set('b', { id: 'b' })),
      ),
    ).toBe(true);
    expect(
      updateTouchesVotes(
        control,
        updateOf(control, (d) => votesMap(d).set('a', { id: 'a' })),
      ),
    ).toBe(true);
    expect(
      updateTouchesVotes(
        control,
        updateOf(control, (d) => votesMap(d).delete('a')),
      ),
    ).toBe(true);
  });

  it('lets the rest of the control document through', () => {
    expect(
      updateTouchesVotes(
        control,
        updateOf(control, (d) => setLocked(d, true)),
      ),
    ).toBe(false);
    expect(
      updateTouchesVotes(
        control,
        updateOf(control, (d) => setStep(d, 'issues')),
      ),
    ).toBe(false);
  });
});

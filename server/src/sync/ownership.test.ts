import {
  addNote,
  assignNote,
  binNote,
  createCluster,
  emptyBin,
  LOCAL_ORIGIN,
  moveNote,
  type NoteEditing,
  restoreNote,
  setNoteText,
  setNoteTheme,
  undoScope,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { noteWriteDenial } from './ownership';

/** The room's document with Ana's and Bob's notes, and a replica for whoever writes next. */
function room() {
  const server = new Y.Doc();
  const ana = addNote(server, { x: 0, y: 0, author: 'ana', text: 'Bus trop rares', id: 'note-ana' });
  const bob = addNote(server, { x: 300, y: 0, author: 'bob', text: 'Fibre absente', id: 'note-bob' });
  const replica = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  };
  /** The update `change` makes on a fresh replica, as its client would send it. */
  const updateOf = (change: (doc: Y.Doc) => void, doc = replica()) => {
    let update: Uint8Array | null = null;
    const take = (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    doc.on('update', take);
    change(doc);
    doc.off('update', take);
    if (!update) throw new Error('no change');
    return update as Uint8Array;
  };
  const denial = (update: Uint8Array, who: string, mode: NoteEditing = 'own') =>
    noteWriteDenial(server, update, who, mode);
  const apply = (update: Uint8Array) => Y.applyUpdate(server, update);
  return { server, ana, bob, replica, updateOf, denial, apply };
}

describe('the note rules of a participant’s board write', () => {
  it('refuses, in own mode, changing the text or theme of someone else’s note, or binning it', () => {
    const { ana, updateOf, denial } = room();
    const notYours = WRITE_DENIED_REASONS.notYours;
    expect(
      denial(
        updateOf((d) => setNoteText(d, ana, 'Bus trop rares !')),
        'bob',
      ),
    ).toBe(notYours);
    expect(
      denial(
        updateOf((d) => setNoteText(d, ana, '')),
        'bob',
      ),
    ).toBe(notYours);
    expect(
      denial(
        updateOf((d) => setNoteTheme(d, ana, 'mobility')),
        'bob',
      ),
    ).toBe(notYours);
    expect(
      denial(
        updateOf((d) => binNote(d, ana, 'bob')),
        'bob',
      ),
    ).toBe(notYours);
    // Taking it away without the app's command, or replacing it under the same id.
    expect(
      denial(
        updateOf((d) => d.getMap('notes').delete(ana)),
        'bob',
      ),
    ).toBe(notYours);
    expect(
      denial(
        updateOf((d) => addNote(d, { x: 0, y: 0, author: 'bob', id: ana })),
        'bob',
      ),
    ).toBe(notYours);
  });

  it('lets anyone move, stack and sort anyone’s note, and their own be changed and binned', () => {
    const { server, ana, bob, updateOf, denial } = room();
    expect(
      denial(
        updateOf((d) => moveNote(d, ana, { x: 50, y: 80 })),
        'bob',
      ),
    ).toBeNull();
    const issue = createCluster(server, { title: 'Mobilités', x: 0, y: 400 });
    expect(
      denial(
        updateOf((d) => assignNote(d, ana, issue)),
        'bob',
      ),
    ).toBeNull();
    expect(
      denial(
        updateOf((d) => setNoteText(d, bob, 'Fibre absente partout')),
        'bob',
      ),
    ).toBeNull();
    expect(
      denial(
        updateOf((d) => setNoteTheme(d, bob, 'digital')),
        'bob',
      ),
    ).toBeNull();
    expect(
      denial(
        updateOf((d) => binNote(d, bob, 'bob')),
        'bob',
      ),
    ).toBeNull();
    // A new note, typed into at once.
    const typed = updateOf((d) => {
      const id = addNote(d, { x: 0, y: 0, author: 'bob' });
      setNoteText(d, id, 'Pas de médecin');
    });
    expect(denial(typed, 'bob')).toBeNull();
  });

  it('lets everyone change every note in all mode, but never take a note out of the bin', () => {
    const { ana, updateOf, denial, apply } = room();
    expect(
      denial(
        updateOf((d) => setNoteText(d, ana, 'Bus !')),
        'bob',
        'all',
      ),
    ).toBeNull();
    const binned = updateOf((d) => binNote(d, ana, 'bob'));
    expect(denial(binned, 'bob', 'all')).toBeNull();
    apply(binned);
    const facilitatorOnly = WRITE_DENIED_REASONS.facilitatorOnly;
    expect(
      denial(
        updateOf((d) => restoreNote(d, ana)),
        'carla',
        'all',
      ),
    ).toBe(facilitatorOnly);
    // Its deleter putting it back is their undo, whichever way it is written.
    expect(
      denial(
        updateOf((d) => restoreNote(d, ana)),
        'bob',
        'all',
      ),
    ).toBeNull();
    expect(
      denial(
        updateOf((d) => emptyBin(d)),
        'bob',
        'all',
      ),
    ).toBe(facilitatorOnly);
    expect(
      denial(
        updateOf((d) => emptyBin(d)),
        'ana',
        'all',
      ),
    ).toBe(facilitatorOnly);
    // Overwriting an entry removes it too.
    const entry = { note: { id: ana, text: '', x: 0, y: 0 }, deletedBy: 'bob', deletedAt: 0 };
    const overwrite = updateOf((d) => d.getMap('bin').set(ana, entry));
    expect(denial(overwrite, 'bob', 'all')).toBe(facilitatorOnly);
  });

  it('lets the deleter’s Ctrl+Z take their note back out of the bin, and nobody else’s', () => {
    const { bob, replica, updateOf, denial, apply } = room();
    const doc = replica();
    const undo = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const binned = updateOf((d) => binNote(d, bob, 'bob'), doc);
    apply(binned);
    const undone = updateOf(() => undo.undo(), doc);
    expect(denial(undone, 'bob')).toBeNull();
    // The same removal sent by someone who did not bin it.
    expect(denial(undone, 'carla')).toBe(WRITE_DENIED_REASONS.facilitatorOnly);
  });

  it('refuses a bin entry signed with someone else’s name', () => {
    const { updateOf, denial } = room();
    const forged = updateOf((d) => d.getMap('bin').set('x', { note: {}, deletedBy: 'ana', deletedAt: 0 }));
    expect(denial(forged, 'bob', 'all')).toBe(WRITE_DENIED_REASONS.notYours);
  });

  it('refuses deleting what the room has never seen (a deletion set aimed at future notes)', () => {
    const { server, denial } = room();
    const client = server.clientID;
    const future = craftDeletion(client, Y.getState(server.store, client) + 10, 5);
    expect(denial(future, 'bob', 'all')).toBe(WRITE_DENIED_REASONS.notYours);
  });
});

/** A V1 update with no structs and a delete set of `len` clocks of `client` from `clock`. */
function craftDeletion(client: number, clock: number, len: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  for (const n of [1, client, 1, clock, len]) encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

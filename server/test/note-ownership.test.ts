import {
  addNote,
  binNote,
  emptyBin,
  LOCAL_ORIGIN,
  moveNote,
  readBin,
  readControlState,
  readNotes,
  restoreNote,
  setNoteEditing,
  setNoteText,
  undoScope,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useServer, waitDoc, waitFor } from './harness';
import { workshopRooms } from './workshop-rooms';

const server = useServer();

const { newWorkshop, open, attempt } = workshopRooms(server, {
  ana: { name: 'Ana', group: 'resident' },
  bob: { name: 'Bob', group: 'business' },
  carla: { name: 'Carla', group: 'partner' },
});

const textOf = (doc: Y.Doc, id: string) => readNotes(doc).find((n) => n.id === id)?.text;

/** Ana's note on a board everyone has open, and a marker to know what has gone round. */
async function setUp() {
  const cast = await newWorkshop();
  const ana = await open(cast, 'board', cast.ana.token);
  const carla = await open(cast, 'board', cast.carla.token);
  const facilitator = await open(cast, 'board', cast.workshop.facilitatorToken);
  const note = addNote(ana.doc, { x: 0, y: 0, author: cast.ana.participantId, text: 'Bus trop rares' });
  await waitDoc(carla, (d) => textOf(d, note) === 'Bus trop rares', 'Carla to see Ana’s note');
  let markers = 0;
  /** Ana writes a note of her own and waits for Carla and the facilitator to see it: what was sent before went round. */
  const roundTrip = async () => {
    const text = `marker ${++markers}`;
    addNote(ana.doc, { x: 0, y: 500, author: cast.ana.participantId, text });
    for (const c of [carla, facilitator])
      await waitDoc(c, (d) => readNotes(d).some((n) => n.text === text), `${text} to go round`);
  };
  return { cast, ana, carla, facilitator, note, roundTrip };
}

describe('who may change a note', () => {
  it('refuses, by default, a participant’s edit or deletion of someone else’s note, which nobody sees', async () => {
    const { cast, ana, carla, note, roundTrip } = await setUp();
    const edit = await attempt(cast, cast.bob.token, (d) => setNoteText(d, note, 'Bob was here'));
    await waitFor(() => edit.denied.length > 0, 'Bob’s edit to be refused');
    expect(edit.denied).toEqual([WRITE_DENIED_REASONS.notYours]);
    const removal = await attempt(cast, cast.bob.token, (d) => binNote(d, note, cast.bob.participantId));
    await waitFor(() => removal.denied.length > 0, 'Bob’s deletion to be refused');
    expect(removal.denied).toEqual([WRITE_DENIED_REASONS.notYours]);
    await roundTrip();
    for (const c of [ana, carla]) {
      expect(textOf(c.doc, note)).toBe('Bus trop rares');
      expect(readBin(c.doc)).toEqual([]);
    }
  });

  it('lets a participant move someone else’s note, and change and bin their own', async () => {
    const { cast, ana, carla, note } = await setUp();
    const bob = await open(cast, 'board', cast.bob.token);
    const own = addNote(bob.doc, { x: 9, y: 9, author: cast.bob.participantId, text: 'Fibre' });
    setNoteText(bob.doc, own, 'Fibre absente');
    moveNote(bob.doc, note, { x: 400, y: 300 });
    await waitDoc(
      ana,
      (d) => readNotes(d).find((n) => n.id === note)?.x === 400,
      'Ana to see her note moved',
    );
    await waitDoc(carla, (d) => textOf(d, own) === 'Fibre absente', 'Carla to see Bob’s note');
    binNote(bob.doc, own, cast.bob.participantId);
    await waitDoc(carla, (d) => readBin(d).length === 1, 'Carla to see Bob’s note binned');
    expect(readNotes(carla.doc).map((n) => n.id)).not.toContain(own);
    expect(bob.denied).toEqual([]);
  });

  it('lets everyone change every note once the facilitator opens notes to all, and lets facilitators always', async () => {
    const { cast, carla, facilitator, note } = await setUp();
    setNoteText(facilitator.doc, note, 'Bus trop rares (le soir)');
    await waitDoc(
      carla,
      (d) => textOf(d, note) === 'Bus trop rares (le soir)',
      'Carla to see the facilitator’s edit',
    );
    expect(facilitator.denied).toEqual([]);

    const control = await open(cast, 'control', cast.workshop.facilitatorToken);
    setNoteEditing(control.doc, 'all');
    const bobControl = await open(cast, 'control', cast.bob.token);
    await waitDoc(
      bobControl,
      (d) => readControlState(d).noteEditing === 'all',
      'Bob to see notes open to all',
    );
    const bob = await open(cast, 'board', cast.bob.token);
    setNoteText(bob.doc, note, 'Bus trop rares, Bob aussi');
    await waitDoc(carla, (d) => textOf(d, note) === 'Bus trop rares, Bob aussi', 'Carla to see Bob’s edit');
    binNote(bob.doc, note, cast.bob.participantId);
    await waitDoc(carla, (d) => readBin(d).length === 1, 'Carla to see Ana’s note binned by Bob');
    expect(readBin(carla.doc)[0]).toMatchObject({ deletedBy: cast.bob.participantId, note: { id: note } });
    expect(bob.denied).toEqual([]);
  });
});

describe('the bin', () => {
  it('gives a participant’s own deletion back with Ctrl+Z, through the server', async () => {
    const { cast, carla } = await setUp();
    const bob = await open(cast, 'board', cast.bob.token);
    const undo = new Y.UndoManager(undoScope(bob.doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const own = addNote(bob.doc, { x: 9, y: 9, author: cast.bob.participantId, text: 'Tiers-lieu' });
    undo.stopCapturing();
    binNote(bob.doc, own, cast.bob.participantId);
    await waitDoc(carla, (d) => readBin(d).length === 1, 'Carla to see Bob’s note binned');
    undo.undo();
    await waitDoc(carla, (d) => textOf(d, own) === 'Tiers-lieu' && readBin(d).length === 0, 'the note back');
    expect(bob.denied).toEqual([]);
  });

  it('only grows for participants; the facilitator restores and empties it', async () => {
    const { cast, ana, carla, facilitator, note, roundTrip } = await setUp();
    binNote(ana.doc, note, cast.ana.participantId);
    await waitDoc(facilitator, (d) => readBin(d).length === 1, 'the facilitator to see the note in the bin');

    const restore = await attempt(cast, cast.carla.token, (d) => restoreNote(d, note));
    await waitFor(() => restore.denied.length > 0, 'Carla’s restore to be refused');
    expect(restore.denied).toEqual([WRITE_DENIED_REASONS.facilitatorOnly]);
    const empty = await attempt(cast, cast.bob.token, (d) => emptyBin(d));
    await waitFor(() => empty.denied.length > 0, 'Bob’s emptying to be refused');
    expect(empty.denied).toEqual([WRITE_DENIED_REASONS.facilitatorOnly]);
    await roundTrip();
    expect(readBin(carla.doc)).toHaveLength(1);

    restoreNote(facilitator.doc, note);
    await waitDoc(carla, (d) => textOf(d, note) === 'Bus trop rares', 'Carla to see the note back');
    expect(readBin(carla.doc)).toEqual([]);
    binNote(facilitator.doc, note, cast.workshop.participantId);
    emptyBin(facilitator.doc);
    await waitDoc(carla, (d) => readBin(d).length === 0 && textOf(d, note) === undefined, 'the bin emptied');
    expect(facilitator.denied).toEqual([]);
  });
});

import {
  addNote,
  addTable,
  attachIssue,
  binNote,
  createAction,
  createAxis,
  createCluster,
  deleteNote,
  readActions,
  readClusterList,
  readNotes,
  readSeating,
  readSeats,
  readTableRound,
  roomName,
  seatParticipant,
  setActionText,
  setNoteEditing,
  setNoteText,
  setSeating,
  startTableRound,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, join, logEntries, useServer, waitDoc, waitFor } from './harness';
import { workshopRooms } from './workshop-rooms';

const server = useServer();

const { newWorkshop, open, attempt, closeAll } = workshopRooms(server, {
  ana: { name: 'Ana', group: 'resident' },
  bob: { name: 'Bob', group: 'business' },
  carla: { name: 'Carla', group: 'elected' },
  dan: { name: 'Dan', group: 'staff' },
});

const noteText = (doc: Y.Doc, id: string) => readNotes(doc).find((n) => n.id === id)?.text;

/**
 * Two tables: Ana and Bob at table 1, Carla at table 2, Dan without a seat; a note of each table
 * and one made in plenary; then the facilitator starts a round (`closed` or not) that every
 * participant's control replica has seen (so the server has it too).
 */
async function roundUnderWay(closed: boolean) {
  const cast = await newWorkshop();
  const control = await open(cast, 'control', cast.workshop.facilitatorToken);
  const facilitator = await open(cast, 'board', cast.workshop.facilitatorToken);
  addTable(control.doc, { name: 'Table 1', color: '#e53935' }, 't1');
  addTable(control.doc, { name: 'Table 2', color: '#1e88e5' }, 't2');
  seatParticipant(control.doc, cast.ana.participantId, 't1');
  seatParticipant(control.doc, cast.bob.participantId, 't1');
  seatParticipant(control.doc, cast.carla.participantId, 't2');
  // Notes open to all, so what refuses below is the table rule, not note ownership.
  setNoteEditing(control.doc, 'all');
  const plenary = addNote(facilitator.doc, { x: 0, y: 0, author: 'facilitator', text: 'En plénière' });
  const ofTable2 = addNote(facilitator.doc, {
    x: 0,
    y: 200,
    author: cast.carla.participantId,
    text: 'Table 2',
    table: 't2',
  });
  startTableRound(control.doc, 'assessment', { closed });
  for (const who of [cast.ana, cast.bob, cast.carla, cast.dan]) {
    const c = await open(cast, 'control', who.token);
    await waitDoc(c, (d) => readTableRound(d)?.closed === closed, 'the round to reach everyone');
  }
  const ana = await open(cast, 'board', cast.ana.token);
  const bob = await open(cast, 'board', cast.bob.token);
  const carla = await open(cast, 'board', cast.carla.token);
  await waitDoc(carla, (d) => noteText(d, ofTable2) === 'Table 2', 'Carla to see her table’s note');
  let markers = 0;
  /** Bob writes a note of table 1 and waits for Carla and the facilitator to see it: what was sent before went round. */
  const roundTrip = async () => {
    const text = `marker ${++markers}`;
    addNote(bob.doc, { x: 0, y: 900, author: cast.bob.participantId, text, table: 't1' });
    for (const c of [carla, facilitator])
      await waitDoc(c, (d) => readNotes(d).some((n) => n.text === text), `${text} to go round`);
  };
  return { cast, control, facilitator, ana, bob, carla, plenary, ofTable2, roundTrip };
}

describe('during a table round', () => {
  it('accepts a participant’s note for their own table, which everyone sees', async () => {
    const { cast, ana, carla, facilitator } = await roundUnderWay(false);
    const note = addNote(ana.doc, {
      x: 10,
      y: 10,
      author: cast.ana.participantId,
      text: 'Pistes cyclables',
      table: 't1',
    });
    for (const c of [carla, facilitator])
      await waitDoc(c, (d) => noteText(d, note) === 'Pistes cyclables', 'the note of table 1 to go round');
    expect(readNotes(carla.doc).find((n) => n.id === note)?.table).toBe('t1');
    expect(ana.denied).toEqual([]);
  });

  it('refuses a note for another table, or for none, with other-table, and it reaches no one', async () => {
    const { cast, carla, facilitator, roundTrip } = await roundUnderWay(false);
    const elsewhere = await attempt(cast, cast.ana.token, (d) =>
      addNote(d, { x: 0, y: 0, author: cast.ana.participantId, text: 'Chez les autres', table: 't2' }),
    );
    await waitFor(() => elsewhere.denied.length > 0, 'Ana’s note for table 2 to be refused');
    expect(elsewhere.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    const plenary = await attempt(cast, cast.ana.token, (d) =>
      createCluster(d, { title: 'Sans table', x: 0, y: 0 }),
    );
    await waitFor(() => plenary.denied.length > 0, 'Ana’s issue without a table to be refused');
    expect(plenary.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    await roundTrip();
    for (const c of [carla, facilitator]) {
      expect(readNotes(c.doc).some((n) => n.text === 'Chez les autres')).toBe(false);
      expect(readClusterList(c.doc).some((issue) => issue.title === 'Sans table')).toBe(false);
    }
  });

  it('refuses every creation by a participant without a table (no-table)', async () => {
    const { cast } = await roundUnderWay(false);
    const dan = await attempt(cast, cast.dan.token, (d) =>
      addNote(d, { x: 0, y: 0, author: cast.dan.participantId, text: 'Et moi ?', table: 't1' }),
    );
    await waitFor(() => dan.denied.length > 0, 'Dan’s note to be refused');
    expect(dan.denied).toEqual([WRITE_DENIED_REASONS.noTable]);
  });

  it('lets people edit other tables’ items when tables are open', async () => {
    const { cast, carla, ofTable2 } = await roundUnderWay(false);
    const bob = await attempt(cast, cast.bob.token, (d) => setNoteText(d, ofTable2, 'Table 2, vu par Bob'));
    await waitDoc(carla, (d) => noteText(d, ofTable2) === 'Table 2, vu par Bob', 'Carla to see Bob’s edit');
    expect(bob.denied).toEqual([]);
  });

  it('with closed tables, refuses editing or deleting another table’s or the plenary’s items', async () => {
    const { cast, carla, facilitator, plenary, ofTable2, roundTrip } = await roundUnderWay(true);
    const edit = await attempt(cast, cast.ana.token, (d) => setNoteText(d, ofTable2, 'Ana était là'));
    await waitFor(() => edit.denied.length > 0, 'Ana’s edit of table 2’s note to be refused');
    expect(edit.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    const removal = await attempt(cast, cast.ana.token, (d) => binNote(d, ofTable2, cast.ana.participantId));
    await waitFor(() => removal.denied.length > 0, 'Ana’s deletion of table 2’s note to be refused');
    expect(removal.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    const onPlenary = await attempt(cast, cast.ana.token, (d) => setNoteText(d, plenary, 'Modifiée'));
    await waitFor(() => onPlenary.denied.length > 0, 'Ana’s edit of the plenary’s note to be refused');
    expect(onPlenary.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    await roundTrip();
    for (const c of [carla, facilitator]) {
      expect(noteText(c.doc, ofTable2)).toBe('Table 2');
      expect(noteText(c.doc, plenary)).toBe('En plénière');
    }
    // Carla, at table 2, still edits her table's note.
    setNoteText(carla.doc, ofTable2, 'Table 2, complétée');
    await waitDoc(facilitator, (d) => noteText(d, ofTable2) === 'Table 2, complétée', 'Carla’s edit');
    expect(carla.denied).toEqual([]);
  });

  it('with closed tables, refuses another table’s note deleted offline, sent in the first sync step 2', async () => {
    const { cast, carla, facilitator, ofTable2, roundTrip } = await roundUnderWay(true);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(carla.doc));
    deleteNote(offline, ofTable2);
    const ana = await open(cast, 'board', cast.ana.token, { doc: offline });
    await waitFor(() => ana.denied.length > 0, 'Ana’s offline deletion to be refused');
    expect(ana.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    await roundTrip();
    for (const c of [carla, facilitator]) expect(noteText(c.doc, ofTable2)).toBe('Table 2');
  });

  it('with closed tables, lets a table attach pool issues to its axes and write its sheets, and nothing of another table', async () => {
    const { cast, ana, carla, facilitator, roundTrip } = await roundUnderWay(true);
    // The facilitator hands out an axis and a sheet to each table; the issues stay in the pool.
    createAxis(facilitator.doc, { title: 'Mobilités', table: 't1' }, 'a1');
    createAxis(facilitator.doc, { title: 'Habitat', table: 't2' }, 'a2');
    createAction(facilitator.doc, { title: 'Vélobus', axis: 'a1', table: 't1' }, 's1');
    createAction(facilitator.doc, { title: 'Habitat partagé', axis: 'a2', table: 't2' }, 's2');
    createCluster(facilitator.doc, { title: 'Se déplacer', x: 0, y: 0 }, 'pool1');
    createCluster(facilitator.doc, { title: 'Se loger', x: 0, y: 0 }, 'pool2');
    await waitDoc(
      ana,
      (d) => readActions(d).length === 2 && readClusterList(d).length === 2,
      'Ana to get the plan',
    );
    const issueAxis = (d: Y.Doc, id: string) => readClusterList(d).find((c) => c.id === id)?.axis;
    const sheetTitle = (d: Y.Doc, id: string) => readActions(d).find((s) => s.id === id)?.title;

    attachIssue(ana.doc, 'pool1', 'a1');
    setActionText(ana.doc, 's1', 'title', 'Vélobus du matin');
    const own = createAction(ana.doc, { title: 'Abris vélos', axis: 'a1', table: 't1' });
    await waitDoc(
      carla,
      (d) =>
        issueAxis(d, 'pool1') === 'a1' &&
        sheetTitle(d, 's1') === 'Vélobus du matin' &&
        sheetTitle(d, own) === 'Abris vélos',
      'Carla to see table 1’s attachment, edit and new sheet',
    );
    expect(ana.denied).toEqual([]);

    const onTheirAxis = await attempt(cast, cast.ana.token, (d) => attachIssue(d, 'pool2', 'a2'));
    await waitFor(() => onTheirAxis.denied.length > 0, 'Ana’s issue on table 2’s axis to be refused');
    expect(onTheirAxis.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    const theirSheet = await attempt(cast, cast.ana.token, (d) => setActionText(d, 's2', 'title', 'Ana'));
    await waitFor(() => theirSheet.denied.length > 0, 'Ana’s edit of table 2’s sheet to be refused');
    expect(theirSheet.denied).toEqual([WRITE_DENIED_REASONS.otherTable]);
    await roundTrip();
    for (const c of [carla, facilitator]) {
      expect(issueAxis(c.doc, 'pool2')).toBeNull();
      expect(sheetTitle(c.doc, 's2')).toBe('Habitat partagé');
    }
  });

  it('leaves the facilitator free to write anything, for any table or none', async () => {
    const { carla, facilitator, plenary, ofTable2 } = await roundUnderWay(true);
    setNoteText(facilitator.doc, ofTable2, 'Relue par l’animatrice');
    setNoteText(facilitator.doc, plenary, 'Plénière relue');
    const own = addNote(facilitator.doc, { x: 0, y: 0, author: 'facilitator', text: 'Consigne' });
    await waitDoc(
      carla,
      (d) => noteText(d, ofTable2) === 'Relue par l’animatrice' && noteText(d, own) === 'Consigne',
      'Carla to see the facilitator’s edits',
    );
    expect(facilitator.denied).toEqual([]);
  });
});

describe('seating by the server', () => {
  it('lets participants pick a table in pick mode, up to the cap', async () => {
    const cast = await newWorkshop();
    const control = await open(cast, 'control', cast.workshop.facilitatorToken);
    addTable(control.doc, { name: 'Table 1', color: '#e53935' }, 't1');
    addTable(control.doc, { name: 'Table 2', color: '#1e88e5' }, 't2');
    const pick = (token: string, tableId: string) =>
      api(server.url, 'POST', `/api/workshops/${cast.workshop.id}/tables/pick`, {
        token,
        body: { tableId },
      });
    const anaControl = await open(cast, 'control', cast.ana.token);
    await waitDoc(anaControl, (d) => d.getMap('tables').size === 2, 'Ana to see the tables');

    // Not pick mode yet: the facilitator seats people.
    expect((await pick(cast.ana.token, 't1')).status).toBe(403);
    setSeating(control.doc, { mode: 'pick', cap: 1 });
    await waitDoc(anaControl, (d) => d.getMap('state').get('seating') !== undefined, 'Ana to see pick mode');

    const first = await pick(cast.ana.token, 't1');
    expect(first).toMatchObject({ status: 200, body: { tableId: 't1' } });
    const full = await pick(cast.bob.token, 't1');
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: { code: 'table_full' } });
    expect((await pick(cast.bob.token, 't2')).status).toBe(200);
    expect((await pick(cast.bob.token, 'nope')).status).toBe(404);
    expect((await pick(cast.workshop.facilitatorToken, 't2')).status).toBe(403);
    expect((await pick(cast.bob.token, '')).status).toBe(400);
    await waitDoc(
      control,
      (d) => readSeats(d)[cast.bob.participantId] === 't2',
      'the facilitator to see the picks',
    );
    expect(readSeats(control.doc)).toEqual({
      [cast.ana.participantId]: 't1',
      [cast.bob.participantId]: 't2',
    });
  });

  it('splits everyone with a mix of groups, and seats a late arrival in balanced mode', async () => {
    const cast = await newWorkshop();
    const control = await open(cast, 'control', cast.workshop.facilitatorToken);
    addTable(control.doc, { name: 'Table 1', color: '#e53935' }, 't1');
    addTable(control.doc, { name: 'Table 2', color: '#1e88e5' }, 't2');
    setSeating(control.doc, { mode: 'balanced', cap: null });
    const anaControl = await open(cast, 'control', cast.ana.token);
    await waitDoc(anaControl, (d) => d.getMap('tables').size === 2, 'Ana to see the tables');

    const refused = await api(server.url, 'POST', `/api/workshops/${cast.workshop.id}/tables/balance`, {
      token: cast.ana.token,
    });
    expect(refused.status).toBe(403);
    const split = await api<{ seats: Record<string, string> }>(
      server.url,
      'POST',
      `/api/workshops/${cast.workshop.id}/tables/balance`,
      { token: cast.workshop.facilitatorToken },
    );
    expect(split.status).toBe(200);
    const seats = split.body.seats;
    expect(Object.keys(seats).sort()).toEqual(
      [cast.ana, cast.bob, cast.carla, cast.dan].map((p) => p.participantId).sort(),
    );
    expect(Object.values(seats).filter((t) => t === 't1')).toHaveLength(2);
    await waitDoc(control, (d) => Object.keys(readSeats(d)).length === 4, 'the facilitator to see the split');

    const eve = await join(server.url, cast.workshop.joinCode, { name: 'Eve', group: 'resident' });
    const olga = await join(server.url, cast.workshop.joinCode, {
      name: 'Olga',
      group: 'partner',
      role: 'observer',
    });
    await waitDoc(control, (d) => readSeats(d)[eve.participantId] !== undefined, 'Eve to be seated');
    expect(readSeats(control.doc)[olga.participantId]).toBeUndefined();
  });

  it('loads the control room for a late arrival only in balanced mode, knowing the mode without it', async () => {
    const cast = await newWorkshop();
    const name = roomName(cast.workshop.id, 'control');
    const count = (msg: string) => logEntries(server).filter((e) => e.msg === msg && e.room === name).length;
    const unloaded = async (times: number) =>
      waitFor(() => count('room unloaded') >= times, 'the control room to unload');
    // The first join learnt the mode (manual) from the room; it has unloaded since.
    expect(count('room loaded')).toBe(1);
    await unloaded(1);
    await join(server.url, cast.workshop.joinCode, { name: 'Eve', group: 'resident' });
    expect(count('room loaded')).toBe(1);

    const control = await open(cast, 'control', cast.workshop.facilitatorToken);
    addTable(control.doc, { name: 'Table 1', color: '#e53935' }, 't1');
    setSeating(control.doc, { mode: 'balanced', cap: null });
    const ana = await open(cast, 'control', cast.ana.token);
    await waitDoc(
      ana,
      (d) => d.getMap('tables').size === 1 && readSeating(d).mode === 'balanced',
      'the server to have the table and the mode',
    );
    closeAll();
    await unloaded(2);
    // Balanced, unloaded: the join loads the room to seat the newcomer.
    const fred = await join(server.url, cast.workshop.joinCode, { name: 'Fred', group: 'staff' });
    expect(count('room loaded')).toBe(3);
    const again = await open(cast, 'control', cast.workshop.facilitatorToken);
    expect(readSeats(again.doc)[fred.participantId]).toBe('t1');
  });
});

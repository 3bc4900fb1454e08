import {
  addMinute,
  addNote,
  DEFAULT_THEMES,
  moveNote,
  newTimer,
  readControlState,
  readNotes,
  readThemes,
  roomName,
  setLocked,
  setNoteEditing,
  setNoteText,
  setStep,
  setTimer,
  startTimer,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  api,
  connectDoc,
  createWorkshop,
  DEFAULT_WORKSHOP,
  type DocClient,
  sortedNotes,
  TWO_AND_OBSERVER,
  useServer,
  waitDoc,
  waitFor,
  workshopWith,
} from './harness';

const server = useServer();

type Cast = Awaited<ReturnType<typeof newWorkshop>>;

function newWorkshop() {
  return workshopWith(server.url, TWO_AND_OBSERVER);
}

function board(cast: Cast, token: string): Promise<DocClient> {
  return connectDoc(server.wsUrl, roomName(cast.workshop.id, 'board'), token);
}
function control(cast: Cast, token: string): Promise<DocClient> {
  return connectDoc(server.wsUrl, roomName(cast.workshop.id, 'control'), token);
}

/** The content of a document, independent of client ids and history. */
function boardContent(doc: Y.Doc): string {
  return JSON.stringify(sortedNotes(doc));
}

describe('board sync between participants', () => {
  it('makes two participants editing concurrently converge, and a fresh client sees the same board', async () => {
    const cast = await newWorkshop();
    // Everyone may change every note (by default participants change only their own).
    const f = await control(cast, cast.workshop.facilitatorToken);
    setNoteEditing(f.doc, 'all');
    const seen = await control(cast, cast.alice.token);
    await waitDoc(seen, (d) => readControlState(d).noteEditing === 'all', 'notes open to all');
    const a = await board(cast, cast.alice.token);
    const b = await board(cast, cast.bob.token);

    // Both add notes at the same time, without waiting for each other.
    const aIds = Array.from({ length: 8 }, (_, i) =>
      addNote(a.doc, { x: i * 10, y: 0, author: cast.alice.participantId, text: `A${i}` }),
    );
    const bIds = Array.from({ length: 8 }, (_, i) =>
      addNote(b.doc, { x: i * 10, y: 100, author: cast.bob.participantId, text: `B${i}` }),
    );
    await waitDoc(a, (d) => readNotes(d).length === 16, 'Alice to see all 16 notes');
    await waitDoc(b, (d) => readNotes(d).length === 16, 'Bob to see all 16 notes');

    // Concurrent edits of each other's notes, including the same note's text and position.
    const shared = aIds[0]!;
    for (let i = 0; i < 8; i++) {
      moveNote(a.doc, bIds[i]!, { x: 500 + i, y: 500 });
      moveNote(b.doc, aIds[i]!, { x: 700 + i, y: 700 });
    }
    setNoteText(a.doc, shared, 'Alice was here A0');
    setNoteText(b.doc, shared, 'A0 and Bob too');
    moveNote(a.doc, shared, { x: 1, y: 1 });
    moveNote(b.doc, shared, { x: 2, y: 2 });
    setNoteText(b.doc, bIds[3]!, 'Bob rewrote B3');

    await waitFor(
      () =>
        boardContent(a.doc) === boardContent(b.doc) &&
        readNotes(a.doc).some((n) => n.text === 'Bob rewrote B3'),
      'Alice and Bob to converge on the same board',
    );
    const sharedNote = readNotes(a.doc).find((n) => n.id === shared)!;
    // Character-wise merge keeps both people's typing.
    expect(sharedNote.text).toContain('Alice was here');
    expect(sharedNote.text).toContain('Bob too');
    expect(readNotes(a.doc).find((n) => n.id === bIds[5])).toMatchObject({ x: 505, y: 500 });
    expect(readNotes(b.doc).find((n) => n.id === aIds[5])).toMatchObject({ x: 705, y: 700 });

    const fresh = await board(cast, cast.workshop.facilitatorToken);
    expect(boardContent(fresh.doc)).toBe(boardContent(a.doc));
    expect(readNotes(fresh.doc)).toHaveLength(16);
    for (const c of [f, seen, a, b, fresh]) c.destroy();
  });

  it('lets the facilitator write the board too', async () => {
    const cast = await newWorkshop();
    const f = await board(cast, cast.workshop.facilitatorToken);
    const a = await board(cast, cast.alice.token);
    addNote(f.doc, { x: 0, y: 0, author: cast.workshop.participantId, text: 'from the facilitator' });
    await waitDoc(
      a,
      (d) => readNotes(d).some((n) => n.text === 'from the facilitator'),
      'Alice to see the note',
    );
    expect(f.denied).toEqual([]);
    f.destroy();
    a.destroy();
  });

  it("drops an observer's board writes and answers them with permission denied 'read-only'", async () => {
    const cast = await newWorkshop();
    const a = await board(cast, cast.alice.token);
    const o = await board(cast, cast.olga.token);
    const b = await board(cast, cast.bob.token);

    addNote(a.doc, { x: 0, y: 0, author: cast.alice.participantId, text: 'before' });
    await waitDoc(o, (d) => readNotes(d).length === 1, 'the observer to receive Alice’s note');
    expect(o.denied, 'an observer that only synced was not denied anything').toEqual([]);

    addNote(o.doc, { x: 9, y: 9, author: cast.olga.participantId, text: 'observer note' });
    const aliceNote = readNotes(o.doc).find((n) => n.text === 'before')!;
    moveNote(o.doc, aliceNote.id, { x: 999, y: 999 });
    await waitFor(() => o.denied.length > 0, 'the observer to receive a permission-denied message');
    expect(new Set(o.denied)).toEqual(new Set([WRITE_DENIED_REASONS.readOnly]));

    // A later write by Bob reaches Alice; whatever the server relayed before it did too.
    addNote(b.doc, { x: 5, y: 5, author: cast.bob.participantId, text: 'sentinel' });
    await waitDoc(
      a,
      (d) => readNotes(d).some((n) => n.text === 'sentinel'),
      'Alice to see Bob’s sentinel note',
    );
    expect(readNotes(a.doc).map((n) => n.text)).not.toContain('observer note');
    expect(readNotes(a.doc).find((n) => n.id === aliceNote.id)).toMatchObject({ x: 0, y: 0 });

    const fresh = await board(cast, cast.workshop.facilitatorToken);
    expect(
      readNotes(fresh.doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['before', 'sentinel']);
    expect(readNotes(fresh.doc).find((n) => n.id === aliceNote.id)).toMatchObject({ x: 0, y: 0 });
    // The observer still receives what others write.
    await waitDoc(
      o,
      (d) => readNotes(d).some((n) => n.text === 'sentinel'),
      'the observer to see the sentinel',
    );
    for (const c of [a, b, o, fresh]) c.destroy();
  });

  it("drops an observer's write sent in its first sync step 2 (offline edits)", async () => {
    const cast = await newWorkshop();
    const doc = new Y.Doc();
    addNote(doc, { x: 1, y: 1, author: cast.olga.participantId, text: 'written offline' });
    // The observer's provider sends this content as its sync step 2 right after connecting.
    const o = await connectDoc(server.wsUrl, roomName(cast.workshop.id, 'board'), cast.olga.token, { doc });
    await waitFor(() => o.denied.length > 0, 'the observer to receive a permission-denied message');
    expect(o.denied[0]).toBe(WRITE_DENIED_REASONS.readOnly);
    const fresh = await board(cast, cast.alice.token);
    expect(readNotes(fresh.doc)).toEqual([]);
    o.destroy();
    fresh.destroy();
  });
});

describe('control document', () => {
  it('starts a workshop made from a template at its first step, with its steps and themes', async () => {
    const workshop = await createWorkshop(server.url, { ...DEFAULT_WORKSHOP, template: 'sprint' });
    const c = await connectDoc(server.wsUrl, roomName(workshop.id, 'control'), workshop.facilitatorToken);
    expect(readControlState(c.doc)).toMatchObject({
      step: 'axes',
      steps: ['axes', 'actions', 'partnerships', 'monitoring'],
      stepsFree: false,
    });
    expect(readThemes(c.doc)).toEqual([]);
    c.destroy();
    const refused = await api(server.url, 'POST', '/api/workshops', {
      body: { ...DEFAULT_WORKSHOP, template: 'marathon' },
    });
    expect(refused.status).toBe(400);
  });

  it("is seeded for every new workshop with step 'assessment', unlocked, and the default themes", async () => {
    const cast = await newWorkshop();
    for (const token of [cast.workshop.facilitatorToken, cast.alice.token, cast.olga.token]) {
      const c = await control(cast, token);
      expect(readControlState(c.doc)).toMatchObject({
        step: 'assessment',
        locked: false,
        timer: null,
        silent: false,
      });
      const themes = readThemes(c.doc);
      expect(themes.length).toBeGreaterThan(0);
      expect(themes.map((t) => t.id)).toEqual(DEFAULT_THEMES.map((t) => t.id));
      c.destroy();
    }
  });

  it('lets the facilitator change the step, and everyone sees it', async () => {
    const cast = await newWorkshop();
    const f = await control(cast, cast.workshop.facilitatorToken);
    const a = await control(cast, cast.alice.token);
    const o = await control(cast, cast.olga.token);
    setStep(f.doc, 'issues');
    setLocked(f.doc, true);
    for (const [c, who] of [
      [a, 'Alice'],
      [o, 'the observer'],
    ] as const) {
      await waitDoc(
        c,
        (d) => readControlState(d).step === 'issues' && readControlState(d).locked,
        `${who} to see step 2`,
      );
    }
    expect(f.denied).toEqual([]);
    const fresh = await control(cast, cast.bob.token);
    expect(readControlState(fresh.doc)).toMatchObject({
      step: 'issues',
      locked: true,
      timer: null,
      silent: false,
    });
    for (const c of [f, a, o, fresh]) c.destroy();
  });

  it("drops a participant's control writes and answers them with permission denied 'facilitator-only'", async () => {
    const cast = await newWorkshop();
    const f = await control(cast, cast.workshop.facilitatorToken);
    const f2 = await control(cast, cast.workshop.facilitatorToken);
    const a = await control(cast, cast.alice.token);

    setStep(a.doc, 'monitoring');
    setLocked(a.doc, true);
    await waitFor(() => a.denied.length > 0, 'Alice to receive a permission-denied message');
    expect(new Set(a.denied)).toEqual(new Set([WRITE_DENIED_REASONS.facilitatorOnly]));

    // A later write from another connection reaches the facilitator after anything relayed before.
    f2.doc.getMap('meta').set('sentinel', 1);
    await waitDoc(f, (d) => d.getMap('meta').get('sentinel') === 1, 'the facilitator to see the sentinel');
    expect(readControlState(f.doc)).toMatchObject({
      step: 'assessment',
      locked: false,
      timer: null,
      silent: false,
    });

    const fresh = await control(cast, cast.bob.token);
    expect(readControlState(fresh.doc)).toMatchObject({
      step: 'assessment',
      locked: false,
      timer: null,
      silent: false,
    });
    for (const c of [f, f2, a, fresh]) c.destroy();
  });

  it("drops a participant's offline control edits sent in its first sync step 2 with 'facilitator-only'", async () => {
    const cast = await newWorkshop();
    const f = await control(cast, cast.workshop.facilitatorToken);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(f.doc));
    setStep(offline, 'monitoring');
    const a = await connectDoc(server.wsUrl, roomName(cast.workshop.id, 'control'), cast.alice.token, {
      doc: offline,
    });
    await waitFor(() => a.denied.length > 0, 'Alice to receive a permission-denied message');
    expect(a.denied[0]).toBe(WRITE_DENIED_REASONS.facilitatorOnly);
    const fresh = await control(cast, cast.bob.token);
    expect(readControlState(fresh.doc).step).toBe('assessment');
    expect(readControlState(f.doc).step).toBe('assessment');
    for (const c of [f, a, fresh]) c.destroy();
  });

  it('lets a participant sync the control document without being denied anything', async () => {
    const cast = await newWorkshop();
    const a = await control(cast, cast.alice.token);
    const f = await control(cast, cast.workshop.facilitatorToken);
    setStep(f.doc, 'issues');
    await waitDoc(a, (d) => readControlState(d).step === 'issues', 'Alice to see step "issues"');
    expect(a.denied).toEqual([]);
    a.destroy();
    f.destroy();
  });

  it("drops an observer's control writes with 'read-only'", async () => {
    const cast = await newWorkshop();
    const o = await control(cast, cast.olga.token);
    setStep(o.doc, 'axes');
    await waitFor(() => o.denied.length > 0, 'the observer to receive a permission-denied message');
    expect(o.denied[0]).toBe(WRITE_DENIED_REASONS.readOnly);
    const fresh = await control(cast, cast.workshop.facilitatorToken);
    expect(readControlState(fresh.doc).step).toBe('assessment');
    o.destroy();
    fresh.destroy();
  });

  it('keeps the board and the control document of a workshop apart, and workshops apart', async () => {
    const one = await newWorkshop();
    const two = await newWorkshop();
    const a1 = await board(one, one.alice.token);
    addNote(a1.doc, { x: 0, y: 0, author: one.alice.participantId, text: 'workshop one' });
    const f1 = await control(one, one.workshop.facilitatorToken);
    setStep(f1.doc, 'actions');
    const check = await board(one, one.bob.token);
    await waitDoc(check, (d) => readNotes(d).length === 1, 'Bob to see the note of workshop one');
    const b2 = await board(two, two.bob.token);
    const c2 = await control(two, two.workshop.facilitatorToken);
    expect(readNotes(b2.doc)).toEqual([]);
    expect(readControlState(c2.doc).step).toBe('assessment');
    const f1Again = await control(one, one.alice.token);
    await waitDoc(f1Again, (d) => readControlState(d).step === 'actions', 'the step of workshop one');
    expect(readNotes(f1Again.doc)).toEqual([]);
    for (const c of [a1, f1, check, b2, c2, f1Again]) c.destroy();
  });
});

describe('locked board', () => {
  it("drops a participant's board writes while the facilitator has locked it, and takes them again once unlocked", async () => {
    const cast = await newWorkshop();
    const f = await control(cast, cast.workshop.facilitatorToken);
    const fb = await board(cast, cast.workshop.facilitatorToken);
    const a = await board(cast, cast.alice.token);
    const b = await board(cast, cast.bob.token);

    setLocked(f.doc, true);
    // Alice's board connection has no control document of its own: the server reads the lock.
    const bobControl = await control(cast, cast.bob.token);
    await waitDoc(bobControl, (d) => readControlState(d).locked, 'Bob to see the board locked');
    addNote(a.doc, { x: 1, y: 1, author: cast.alice.participantId, text: 'while locked' });
    await waitFor(() => a.denied.length > 0, 'Alice to receive a permission-denied message');
    expect(a.denied).toEqual([WRITE_DENIED_REASONS.locked]);

    // The facilitator still writes; that note reaches Bob, Alice's never does.
    addNote(fb.doc, { x: 2, y: 2, author: cast.workshop.participantId, text: 'facilitator while locked' });
    await waitDoc(b, (d) => readNotes(d).some((n) => n.text === 'facilitator while locked'), 'Bob to see it');
    expect(readNotes(b.doc).map((n) => n.text)).not.toContain('while locked');
    expect(fb.denied).toEqual([]);

    setLocked(f.doc, false);
    await waitDoc(bobControl, (d) => !readControlState(d).locked, 'Bob to see the board unlocked');
    addNote(b.doc, { x: 3, y: 3, author: cast.bob.participantId, text: 'after unlock' });
    await waitDoc(
      fb,
      (d) => readNotes(d).some((n) => n.text === 'after unlock'),
      'the facilitator to see it',
    );
    expect(b.denied).toEqual([]);
    const fresh = await board(cast, cast.workshop.facilitatorToken);
    expect(
      readNotes(fresh.doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['after unlock', 'facilitator while locked']);
    for (const c of [f, fb, a, b, bobControl, fresh]) c.destroy();
  });
});

describe('facilitator timer', () => {
  it('serves the server clock, for clients to count down from the same time', async () => {
    const before = Date.now();
    const response = await fetch(`${server.url}/api/time`);
    expect(response.status).toBe(200);
    const { now } = (await response.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before - 5);
    expect(now).toBeLessThanOrEqual(Date.now() + 5);
  });

  it("freezes participants' board writes when a timer set to freeze runs out, until a minute is added", async () => {
    const cast = await newWorkshop();
    const f = await control(cast, cast.workshop.facilitatorToken);
    const a = await board(cast, cast.alice.token);
    const fb = await board(cast, cast.workshop.facilitatorToken);

    const timer = startTimer(newTimer({ durationMs: 1000, freezeAtEnd: true }), Date.now());
    setTimer(f.doc, timer);
    const aliceControl = await control(cast, cast.alice.token);
    await waitDoc(aliceControl, (d) => readControlState(d).timer !== null, 'Alice to see the timer');
    // Before zero, Alice writes as usual.
    addNote(a.doc, { x: 0, y: 0, author: cast.alice.participantId, text: 'in time' });
    await waitDoc(fb, (d) => readNotes(d).some((n) => n.text === 'in time'), 'the facilitator to see it');

    await waitFor(() => Date.now() > (timer.endsAt ?? 0) + 20, 'the timer to run out', 5000);
    addNote(a.doc, { x: 1, y: 1, author: cast.alice.participantId, text: 'too late' });
    await waitFor(() => a.denied.length > 0, 'Alice to be refused');
    expect(a.denied).toEqual([WRITE_DENIED_REASONS.timeUp]);

    setTimer(f.doc, addMinute(timer, Date.now()));
    await waitDoc(
      aliceControl,
      (d) => (readControlState(d).timer?.endsAt ?? 0) > Date.now(),
      'Alice to see the extra minute',
    );
    const again = await board(cast, cast.bob.token);
    addNote(again.doc, { x: 2, y: 2, author: cast.bob.participantId, text: 'extra minute' });
    await waitDoc(
      fb,
      (d) => readNotes(d).some((n) => n.text === 'extra minute'),
      'the facilitator to see it',
    );
    expect(again.denied).toEqual([]);
    expect(readNotes(fb.doc).map((n) => n.text)).not.toContain('too late');
    for (const c of [f, a, fb, aliceControl, again]) c.destroy();
  });
});

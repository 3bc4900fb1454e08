import {
  addNote,
  type DraftCounts,
  draftsRoomName,
  moveNote,
  type RevealResponse,
  readControlState,
  readNotes,
  roomName,
  setSilent,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  connectDoc,
  type DocClient,
  openRaw,
  SyncRefused,
  syncStep1Message,
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

const connect = (room: string, token: string): Promise<DocClient> => connectDoc(server.wsUrl, room, token);
const boardRoom = (cast: Cast) => roomName(cast.workshop.id, 'board');
const controlRoom = (cast: Cast) => roomName(cast.workshop.id, 'control');
const texts = (doc: Y.Doc) => readNotes(doc).map((n) => n.text);

const DRAFTS = ['Covoiturage solidaire entre communes', 'Tiers-lieu numérique à la médiathèque'];

describe('silent ideation', () => {
  it("keeps a participant's drafts off every other socket until the reveal, then delivers them all at once", async () => {
    const cast = await newWorkshop();
    const fanny = cast.workshop.facilitatorToken;
    const fc = await connect(controlRoom(cast), fanny);
    const fb = await connect(boardRoom(cast), fanny);
    addNote(fb.doc, { id: 'shared-1', x: 0, y: 0, author: cast.workshop.participantId, text: 'Avant' });

    setSilent(fc.doc, true);
    const bobControl = await connect(controlRoom(cast), cast.bob.token);
    await waitDoc(bobControl, (d) => readControlState(d).silent, 'Bob to see silent ideation on');

    const b = await connect(boardRoom(cast), cast.bob.token);
    // Every byte Bob's board socket receives, to look for draft text in it.
    const bobRaw = openRaw(server.wsUrl, boardRoom(cast), cast.bob.token);
    expect(await bobRaw.opened).toBe(true);
    bobRaw.send(syncStep1Message());
    const bobBytes = () => Buffer.concat(bobRaw.messages.map((m) => Buffer.from(m)));
    // How many drafts Bob's board showed after each of its transactions: never some of them only.
    const draftsSeenByBob: number[] = [];
    b.doc.on('afterTransaction', () => {
      draftsSeenByBob.push(texts(b.doc).filter((t) => DRAFTS.includes(t)).length);
    });

    const a = await connect(boardRoom(cast), cast.alice.token);
    const drafts = await connect(
      draftsRoomName(cast.workshop.id, cast.alice.participantId),
      cast.alice.token,
    );
    for (const [i, text] of DRAFTS.entries()) {
      addNote(drafts.doc, { id: `draft-${i}`, x: 100 * i, y: 50, author: cast.alice.participantId, text });
    }

    const counts = () =>
      api<DraftCounts>(server.url, 'GET', `/api/workshops/${cast.workshop.id}/drafts`, { token: fanny });
    await waitFor(
      async () => (await counts()).body.counts?.[cast.alice.participantId] === 2,
      'the facilitator to count two drafts for Alice',
    );
    expect((await counts()).body).toEqual({
      counts: { [cast.alice.participantId]: 2, [cast.bob.participantId]: 0 },
    });

    // Written straight onto the board (a modified client), a new note is refused; moves are not.
    addNote(a.doc, { x: 5, y: 5, author: cast.alice.participantId, text: 'straight onto the board' });
    await waitFor(() => a.denied.length > 0, 'Alice to receive a permission-denied message');
    expect(a.denied).toEqual([WRITE_DENIED_REASONS.silent]);
    const fresh = await connect(boardRoom(cast), cast.alice.token);
    moveNote(fresh.doc, 'shared-1', { x: 40, y: 40 });
    await waitDoc(
      b,
      (d) => readNotes(d).some((n) => n.id === 'shared-1' && n.x === 40),
      'Bob to see the move',
    );
    expect(fresh.denied).toEqual([]);

    // Nobody else may open Alice's drafts, not even the facilitator.
    for (const token of [cast.bob.token, fanny, cast.olga.token]) {
      const refused = await connect(draftsRoomName(cast.workshop.id, cast.alice.participantId), token).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(SyncRefused);
      expect((refused as SyncRefused).code).toBe(4401);
    }

    // The facilitator's move reached Bob after Alice's drafts were stored: had they leaked, they would be here.
    addNote(fb.doc, { id: 'sentinel', x: 9, y: 9, author: cast.workshop.participantId, text: 'sentinel' });
    await waitDoc(b, (d) => texts(d).includes('sentinel'), 'Bob to see the sentinel');
    await waitFor(
      () => bobBytes().includes(Buffer.from('sentinel')),
      "Bob's raw socket to receive the sentinel",
    );
    for (const doc of [b.doc, fb.doc]) {
      expect(texts(doc)).not.toContain('straight onto the board');
      for (const text of DRAFTS) expect(texts(doc)).not.toContain(text);
    }
    for (const text of DRAFTS) expect(bobBytes().includes(Buffer.from(text))).toBe(false);

    const revealed = await api<RevealResponse>(
      server.url,
      'POST',
      `/api/workshops/${cast.workshop.id}/reveal`,
      {
        token: fanny,
      },
    );
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ revealed: 2 });

    for (const [who, client] of [
      ['Bob', b],
      ['the facilitator', fb],
    ] as const) {
      await waitDoc(
        client,
        (d) => DRAFTS.every((t) => texts(d).includes(t)),
        `${who} to see the revealed drafts`,
      );
      const revealedNotes = readNotes(client.doc).filter((n) => DRAFTS.includes(n.text));
      expect(revealedNotes.map((n) => [n.id, n.author]).sort()).toEqual([
        ['draft-0', cast.alice.participantId],
        ['draft-1', cast.alice.participantId],
      ]);
    }
    expect(draftsSeenByBob).not.toContain(1);
    await waitFor(
      () => DRAFTS.every((t) => bobBytes().includes(Buffer.from(t))),
      "Bob's socket to receive the drafts",
    );
    await waitDoc(drafts, (d) => readNotes(d).length === 0, "Alice's drafts to be emptied");
    await waitDoc(bobControl, (d) => !readControlState(d).silent, 'Bob to see silent ideation off');
    expect((await counts()).body.counts?.[cast.alice.participantId]).toBe(0);

    // Silent ideation is over: Alice adds notes to the board again.
    addNote(fresh.doc, { x: 7, y: 7, author: cast.alice.participantId, text: 'after the reveal' });
    await waitDoc(
      b,
      (d) => texts(d).includes('after the reveal'),
      'Bob to see a note added after the reveal',
    );
    expect(fresh.denied).toEqual([]);

    bobRaw.terminate();
    for (const c of [fc, fb, bobControl, b, a, drafts, fresh]) c.destroy();
  });

  it("syncs a participant's drafts between their own replicas", async () => {
    const cast = await newWorkshop();
    const room = draftsRoomName(cast.workshop.id, cast.alice.participantId);
    const first = await connect(room, cast.alice.token);
    addNote(first.doc, { x: 1, y: 1, author: cast.alice.participantId, text: 'kept' });
    const second = await connect(room, cast.alice.token);
    await waitDoc(second, (d) => texts(d).includes('kept'), 'a second replica to receive the draft');
    first.destroy();
    second.destroy();
  });

  it('lets only facilitators read the counts and reveal, with clear errors', async () => {
    const cast = await newWorkshop();
    const id = cast.workshop.id;
    for (const [method, route] of [
      ['GET', `/api/workshops/${id}/drafts`],
      ['POST', `/api/workshops/${id}/reveal`],
    ] as const) {
      for (const token of [cast.bob.token, cast.olga.token]) {
        const answer = await api(server.url, method, route, { token });
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ error: { code: 'forbidden' } });
      }
      expect((await api(server.url, method, route)).status).toBe(401);
      const unknown = route.replace(id, 'nosuchworkshop');
      expect((await api(server.url, method, unknown, { token: cast.workshop.facilitatorToken })).status).toBe(
        404,
      );
      const bad = route.replace(id, 'x'.repeat(65));
      const answer = await api(server.url, method, bad, { token: cast.workshop.facilitatorToken });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'bad_request' } });
    }
    // A refused reveal changed nothing: silent ideation is still on.
    const fc = await connect(controlRoom(cast), cast.workshop.facilitatorToken);
    setSilent(fc.doc, true);
    const bobControl = await connect(controlRoom(cast), cast.bob.token);
    await waitDoc(bobControl, (d) => readControlState(d).silent, 'Bob to see silent ideation on');
    expect(
      (await api(server.url, 'POST', `/api/workshops/${id}/reveal`, { token: cast.bob.token })).status,
    ).toBe(403);
    const check = await connect(controlRoom(cast), cast.bob.token);
    expect(readControlState(check.doc).silent).toBe(true);
    for (const c of [fc, bobControl, check]) c.destroy();
  });
});

import {
  addNote,
  type CreateWorkshopResponse,
  DEFAULT_THEMES,
  type JoinResponse,
  moveNote,
  readControlState,
  readNotes,
  readThemes,
  roomName,
  setNoteText,
  setStep,
  WorkshopPreview,
} from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  type DocClient,
  join,
  logEntries,
  type RunningServer,
  sortedNotes,
  startServer,
  startServerProcess,
  waitDoc,
  waitFor,
} from './harness';

afterAll(cleanup);

function content(doc: Y.Doc): string {
  return JSON.stringify(sortedNotes(doc));
}

/** Waits until every client shows the same board as `reference`. */
async function converge(reference: DocClient, others: DocClient[], what: string): Promise<void> {
  for (const other of others) {
    await waitFor(
      () => content(other.doc) === content(reference.doc),
      `${what} (${readNotes(other.doc).length} of ${readNotes(reference.doc).length} notes)`,
    );
  }
}

/** Runs `count` single-change transactions (adds, moves, text edits of `author`'s notes) on `client`'s board. */
function manyUpdates(client: DocClient, author: string, count: number, seed: number): void {
  // Their own notes: a participant changes only the text of theirs (by default).
  let ids = readNotes(client.doc)
    .filter((n) => n.author === author)
    .map((n) => n.id);
  for (let i = 0; i < count; i++) {
    const k = (seed * 31 + i * 17) % 97;
    if (ids.length < 5 || i % 10 === 0) {
      ids = [...ids, addNote(client.doc, { x: k, y: i, author, text: `note ${seed}-${i}` })];
    } else if (i % 3 === 0) {
      setNoteText(client.doc, ids[k % ids.length]!, `edited ${seed}-${i} ${'·'.repeat(k % 7)}`);
    } else {
      moveNote(client.doc, ids[k % ids.length]!, { x: k * 3 + i, y: k * 5 - i });
    }
  }
}

async function expectWorkshopUsable(
  server: RunningServer,
  workshop: CreateWorkshopResponse,
  people: JoinResponse[],
): Promise<void> {
  for (const token of [workshop.facilitatorToken, ...people.map((p) => p.token)]) {
    const answer = await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token });
    expect(answer.status, 'GET /api/workshops/:id with a token issued before the restart').toBe(200);
  }
  const preview = await api(server.url, 'GET', `/api/join/${workshop.joinCode}`);
  expect(preview.status).toBe(200);
  expect(WorkshopPreview.parse(preview.body).id).toBe(workshop.id);
}

/**
 * A server with a workshop in use: Alice and Bob on the board, the facilitator on the control
 * document, and one participant (`watcherOf`) watching the control document.
 */
async function liveWorkshop(watcherOf: 'alice' | 'bob') {
  const first = await startServerProcess();
  const workshop = await createWorkshop(first.url);
  const alice = await join(first.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
  const bob = await join(first.url, workshop.joinCode, { name: 'Bob', group: 'staff' });
  const board = roomName(workshop.id, 'board');
  const control = roomName(workshop.id, 'control');
  const a = await connectDoc(first.wsUrl, board, alice.token);
  const b = await connectDoc(first.wsUrl, board, bob.token);
  const f = await connectDoc(first.wsUrl, control, workshop.facilitatorToken);
  const watcher = await connectDoc(first.wsUrl, control, (watcherOf === 'alice' ? alice : bob).token);
  return { first, workshop, alice, bob, board, control, a, b, f, watcher };
}

describe('durability', () => {
  it('keeps workshops, tokens, notes and the control step across a graceful restart (SIGTERM)', async () => {
    const { first, workshop, alice, bob, board, control, a, b, f, watcher } = await liveWorkshop('bob');
    manyUpdates(a, alice.participantId, 30, 1);
    setStep(f.doc, 'axes');
    await converge(a, [b], 'Bob to have Alice’s board');
    await waitDoc(watcher, (d) => readControlState(d).step === 'axes', 'Bob to see step "axes"');
    const expected = content(a.doc);
    // No client may survive the restart: a reconnecting client would re-send what the server lost.
    for (const c of [a, b, f, watcher]) c.destroy();

    expect(await first.stop(), 'exit code after SIGTERM').toBe(0);
    const second = await startServer({ dataDir: first.dataDir });
    await expectWorkshopUsable(second, workshop, [alice, bob]);
    const freshBoard = await connectDoc(second.wsUrl, board, bob.token);
    expect(content(freshBoard.doc)).toBe(expected);
    const freshControl = await connectDoc(second.wsUrl, control, alice.token);
    expect(readControlState(freshControl.doc)).toMatchObject({
      step: 'axes',
      locked: false,
      timer: null,
      silent: false,
    });
    expect(readThemes(freshControl.doc).map((t) => t.id)).toEqual(DEFAULT_THEMES.map((t) => t.id));
    await second.stop();
  });

  it('keeps an update another client has received, after kill -9', async () => {
    const { first, workshop, alice, bob, board, control, a, b, f, watcher } = await liveWorkshop('alice');

    const id = addNote(a.doc, { x: 12, y: 34, author: alice.participantId, text: 'survives kill -9' });
    setStep(f.doc, 'partnerships');
    await waitDoc(b, (d) => readNotes(d).some((n) => n.id === id), 'Bob to receive Alice’s note');
    await waitDoc(watcher, (d) => readControlState(d).step === 'partnerships', 'Alice to see the new step');
    // Joined just before the crash: the API answered 201, so the token must survive too.
    const late = await join(first.url, workshop.joinCode, { name: 'Late', group: 'other' });
    // No client may survive the restart: a reconnecting client would re-send what the server lost.
    for (const c of [a, b, f, watcher]) c.destroy();

    await first.kill();
    const second = await startServer({ dataDir: first.dataDir });
    await expectWorkshopUsable(second, workshop, [alice, bob, late]);
    const fresh = await connectDoc(second.wsUrl, board, late.token);
    expect(readNotes(fresh.doc).find((n) => n.id === id)).toMatchObject({
      text: 'survives kill -9',
      x: 12,
      y: 34,
    });
    const freshControl = await connectDoc(second.wsUrl, control, late.token);
    expect(readControlState(freshControl.doc).step).toBe('partnerships');
    await second.stop();
  });

  it('keeps every one of more than a thousand updates across repeated kill -9', async () => {
    let server = await startServerProcess();
    const dataDir = server.dataDir;
    const workshop = await createWorkshop(server.url);
    const alice = await join(server.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const bob = await join(server.url, workshop.joinCode, { name: 'Bob', group: 'staff' });
    const board = roomName(workshop.id, 'board');

    let expected = '';
    for (let round = 0; round < 3; round++) {
      const a = await connectDoc(server.wsUrl, board, alice.token);
      const b = await connectDoc(server.wsUrl, board, bob.token);
      expect(content(a.doc), `round ${round}: Alice's board after the restart`).toBe(
        expected || content(a.doc),
      );
      // Both write at once: several hundred single-change updates each.
      manyUpdates(a, alice.participantId, 250 + round * 50, round * 2);
      manyUpdates(b, bob.participantId, 200, round * 2 + 1);
      await converge(a, [b], `round ${round}: Alice and Bob to converge`);
      expected = content(a.doc);
      a.destroy();
      b.destroy();
      await server.kill();
      server = await startServerProcess({ dataDir });
      const fresh = await connectDoc(server.wsUrl, board, workshop.facilitatorToken);
      expect(content(fresh.doc), `round ${round}: the board after kill -9 and restart`).toBe(expected);
      fresh.destroy();
    }
    await server.stop();
    // Four server processes started in turn: 6 s on a quiet machine, past the default 20 s on a loaded one.
  }, 60_000);

  it('keeps the content when everyone left just before kill -9 (room still in its grace period)', async () => {
    const first = await startServerProcess({ env: { ROOM_GRACE_MS: '60000' } });
    const workshop = await createWorkshop(first.url);
    const alice = await join(first.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const board = roomName(workshop.id, 'board');
    const a = await connectDoc(first.wsUrl, board, alice.token);
    const b = await connectDoc(first.wsUrl, board, workshop.facilitatorToken);
    manyUpdates(a, alice.participantId, 120, 7);
    await converge(a, [b], 'the facilitator to receive Alice’s board');
    const expected = content(a.doc);
    a.destroy();
    b.destroy();
    await first.kill();
    const second = await startServer({ dataDir: first.dataDir });
    const fresh = await connectDoc(second.wsUrl, board, alice.token);
    expect(content(fresh.doc)).toBe(expected);
    await second.stop();
  });

  it('loses nothing when clients come and go faster than rooms load and unload (ROOM_GRACE_MS=0)', async () => {
    const server = await startServerProcess({ env: { ROOM_GRACE_MS: '0' } });
    const workshop = await createWorkshop(server.url);
    const alice = await join(server.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const board = roomName(workshop.id, 'board');
    const written: string[] = [];
    for (let i = 0; i < 15; i++) {
      const c = await connectDoc(server.wsUrl, board, alice.token);
      expect(
        readNotes(c.doc)
          .map((n) => n.text)
          .sort(),
        `visit ${i}: notes of the earlier visits`,
      ).toEqual([...written].sort());
      const text = `visit ${i}`;
      addNote(c.doc, { x: i, y: i, author: alice.participantId, text });
      written.push(text);
      // Leave right away: the update is queued before the close frame on the same socket.
      c.destroy();
    }
    const last = await connectDoc(server.wsUrl, board, alice.token);
    await waitDoc(last, (d) => readNotes(d).length === written.length, 'the last visit’s note');
    last.destroy();
    await server.kill();
    const again = await startServer({ dataDir: server.dataDir });
    const fresh = await connectDoc(again.wsUrl, board, alice.token);
    expect(
      readNotes(fresh.doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual([...written].sort());
    await again.stop();
  });

  it('reloads a room unloaded after ROOM_GRACE_MS with all its content, again and again', async () => {
    const server = await startServerProcess();
    const workshop = await createWorkshop(server.url);
    const alice = await join(server.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const board = roomName(workshop.id, 'board');
    let expected = '';
    for (let round = 0; round < 3; round++) {
      const unloadsBefore = unloads(server, board);
      const a = await connectDoc(server.wsUrl, board, alice.token);
      if (expected)
        expect(content(a.doc), `round ${round}: board after the room was reloaded`).toBe(expected);
      const b = await connectDoc(server.wsUrl, board, workshop.facilitatorToken);
      manyUpdates(a, alice.participantId, 200, round + 20);
      await converge(a, [b], `round ${round}: the facilitator to converge`);
      expected = content(a.doc);
      a.destroy();
      b.destroy();
      // The server's "room unloaded" log line tells when the grace period is over (not in the contract:
      // if its wording changes, this wait times out with this message).
      await waitFor(
        () => unloads(server, board) > unloadsBefore,
        `the server to log "room unloaded" for ${board} after ROOM_GRACE_MS=200`,
      );
    }
    await server.kill();
    const again = await startServer({ dataDir: server.dataDir });
    const fresh = await connectDoc(again.wsUrl, board, alice.token);
    expect(content(fresh.doc)).toBe(expected);
    await again.stop();
  });
});

function unloads(server: RunningServer, room: string): number {
  return logEntries(server).filter((e) => e.msg === 'room unloaded' && e.room === room).length;
}

/**
 * A big board's cold load does not hold the sync loop (issue 19 §3): the board's document is
 * built and then kept on a thread of its own (sync/thread-doc-host.ts), so the server keeps
 * answering while it loads, the first joiner gets the whole board, and the room works as any
 * other: edits are stored and broadcast, exports and erasures read and change it.
 */
import { addNote, readNotes, roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  api,
  cleanup,
  connectDoc,
  importWorkshopWithNotes,
  join,
  logEntries,
  pingWhile,
  startServer,
  waitDoc,
} from './harness';
import { parsePrometheusText, sampleValue } from './prometheus-text';

afterAll(cleanup);

const NOTES = 3_000;
const noteCount = (doc: Y.Doc) => doc.getMap('notes').size;

describe("a big board's cold load", () => {
  it('is built on a thread of its own while the server keeps answering, arrives whole and works as any board', async () => {
    // Rooms unload soon after their last client left: the next joiner loads the board cold.
    const server = await startServer({ env: { ROOM_GRACE_MS: '50' } });
    const imported = await importWorkshopWithNotes(server.url, NOTES);
    const board = roomName(imported.id, 'board');
    const token = imported.facilitatorToken;

    const { answer: first, pings } = await pingWhile(server.url, connectDoc(server.wsUrl, board, token));
    const notes = noteCount(first.doc);
    expect(notes).toBeGreaterThanOrEqual(NOTES);
    const opened = logEntries(server).find(
      (e) => e.msg === 'room opened on a thread of its own' && e.room === board,
    );
    expect(opened?.bytes).toBeGreaterThan(512 * 1024);
    // A loop held by the load would answer no ping until the board is there.
    expect(pings.length).toBeGreaterThanOrEqual(3);
    console.info(
      `cold load: ${notes} notes, ${opened?.bytes} bytes opened on a thread in ${opened?.openMs} ms; ${pings.length} pings meanwhile, slowest ${Math.round(Math.max(...pings))} ms`,
    );

    const metrics = parsePrometheusText(await (await fetch(`${server.url}/metrics`)).text());
    expect(sampleValue(metrics, 'atelier_rooms_on_threads')).toBe(1);

    // A participant's note reaches the facilitator through the board's thread.
    const zoe = await join(server.url, imported.joinCode, { name: 'Zoé', group: 'resident' });
    const zoeBoard = await connectDoc(server.wsUrl, board, zoe.token);
    addNote(zoeBoard.doc, { x: 40, y: 40, author: zoe.participantId, text: 'Une navette vers la gare' });
    await waitDoc(first, (d) => readNotes(d).some((n) => n.text === 'Une navette vers la gare'), 'her note');

    // The server's own reads (an export) and writes (an erasure removing her notes) reach it too.
    const exported = await api(server.url, 'GET', `/api/workshops/${imported.id}/export?format=json`, {
      token,
    });
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain('Une navette vers la gare');
    const erased = await api(
      server.url,
      'POST',
      `/api/workshops/${imported.id}/participants/${zoe.participantId}/erase`,
      { token, body: { removeContributions: true } },
    );
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ removedNotes: 1 });
    await waitDoc(
      first,
      (d) => !readNotes(d).some((n) => n.text === 'Une navette vers la gare'),
      'her note gone',
    );
    zoeBoard.destroy();

    // An edit made on it is stored: a second cold load has it too.
    first.doc.getMap('notes').delete([...first.doc.getMap('notes').keys()][0] as string);
    first.destroy();
    await expect
      .poll(async () => {
        const again = await connectDoc(server.wsUrl, board, token);
        const count = noteCount(again.doc);
        again.destroy();
        return count;
      })
      .toBe(notes - 1);
    await server.stop();
  });
});

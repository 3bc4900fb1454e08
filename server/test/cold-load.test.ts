/**
 * A big board's cold load does not hold the sync loop (issue 19 §3): a worker thread cuts its
 * stored state into slices, which the room applies between event-loop turns, so the server
 * keeps answering while the board loads, and the first joiner gets the whole board.
 */
import { roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { cleanup, connectDoc, importWorkshopWithNotes, logEntries, pingWhile, startServer } from './harness';

afterAll(cleanup);

const NOTES = 3_000;
const noteCount = (doc: Y.Doc) => doc.getMap('notes').size;

describe("a big board's cold load", () => {
  it('is rebuilt off the sync loop while the server keeps answering, and arrives whole', async () => {
    // Rooms unload soon after their last client left: the next joiner loads the board cold.
    const server = await startServer({ env: { ROOM_GRACE_MS: '50' } });
    const imported = await importWorkshopWithNotes(server.url, NOTES);
    const board = roomName(imported.id, 'board');
    const token = imported.facilitatorToken;

    const { answer: first, pings } = await pingWhile(server.url, connectDoc(server.wsUrl, board, token));
    const notes = noteCount(first.doc);
    expect(notes).toBeGreaterThanOrEqual(NOTES);
    const rebuilt = logEntries(server).find((e) => e.msg === 'room rebuilt off thread' && e.room === board);
    expect(rebuilt?.slices).toBeGreaterThan(1);
    // A loop held by the load would answer no ping until the board is there.
    expect(pings.length).toBeGreaterThanOrEqual(3);
    console.info(
      `cold load: ${notes} notes, ${rebuilt?.bytes} bytes in ${rebuilt?.slices} slices applied over ${rebuilt?.applyMs} ms; ${pings.length} pings meanwhile, slowest ${Math.round(Math.max(...pings))} ms`,
    );

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

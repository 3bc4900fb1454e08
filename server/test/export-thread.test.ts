/**
 * Exports are written off the sync loop (issue 19 §3): a 2,000-note workshop's Word report —
 * about a second of the docx library's packing — is written in a worker thread, while the
 * server keeps answering.
 */
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { api, cleanup, importWorkshopWithNotes, logEntries, pingWhile, startServer } from './harness';

afterAll(cleanup);

const NOTES = 2_000;

describe('a big export', () => {
  it('is written in a worker thread while the server keeps answering', async () => {
    // The rooms stay loaded between the exports: the one measured reads them as a live session would.
    const server = await startServer({ env: { ROOM_GRACE_MS: '60000' } });
    const { id, facilitatorToken: token } = await importWorkshopWithNotes(server.url, NOTES);
    const path = `/api/workshops/${id}/export?format=docx`;
    // Warms the worker up (its first start loads the writers) and loads the rooms.
    expect((await api(server.url, 'GET', path, { token })).status).toBe(200);

    const { answer, pings } = await pingWhile(server.url, api(server.url, 'GET', path, { token }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/wordprocessingml/);

    const written = logEntries(server)
      .filter((e) => e.msg === 'workshop exported' && e.format === 'docx')
      .at(-1);
    expect(written?.threadId).toEqual(expect.any(Number));
    expect(written?.threadId).not.toBe(threadId);
    // A loop held by the writer would answer no ping until the file is sent: the first one
    // sent would come back after it, and the loop would end there.
    expect(pings.length).toBeGreaterThanOrEqual(3);
    console.info(
      `big export: ${NOTES} notes as docx written in ${written?.ms} ms in thread ${written?.threadId}; ${pings.length} pings meanwhile, slowest ${Math.round(Math.max(...pings))} ms`,
    );
    await server.stop();
  });
});

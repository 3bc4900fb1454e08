/**
 * Erasure and deletion with two servers on one PostgreSQL database and one Redis
 * (docs/scale-out.md, "Node events"; docs/architecture.md, "Per store"): what the deciding node
 * deletes, the other node — which held the rooms loaded, with writes of its own — does not write
 * back. Stock y-websocket clients; the database read directly.
 */
import { addNote, draftsRoomName, readNotes, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { useServersServices } from './cluster-services';
import {
  api,
  connectDoc,
  createWorkshop,
  DEFAULT_WORKSHOP,
  join,
  logEntries,
  startServer,
  waitFor,
} from './harness';

const services = useServersServices();

/** Node A and node B, node B reaching the database at `databaseB` (directly by default). */
async function twoNodes(databaseB?: string) {
  const a = await startServer({ env: services.env() });
  const b = await startServer({ env: services.env(databaseB) });
  return { a, b };
}

/** The rows of every document of `workshopId` (its board is named by its id, the others `id/…`). */
async function workshopRows(workshopId: string): Promise<number> {
  const { rows } = await services.admin.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM doc_updates WHERE doc = $1 OR starts_with(doc, $1 || '/'))
          + (SELECT count(*) FROM doc_snapshots WHERE doc = $1 OR starts_with(doc, $1 || '/'))
          + (SELECT count(*) FROM doc_heads WHERE doc = $1 OR starts_with(doc, $1 || '/')) AS n`,
    [workshopId],
  );
  return Number(rows[0]?.n);
}

/** The rows of document `doc` (its log and its snapshot) in the database. */
async function storedRows(doc: string): Promise<number> {
  const { rows } = await services.admin.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM doc_updates WHERE doc = $1)
          + (SELECT count(*) FROM doc_snapshots WHERE doc = $1) AS n`,
    [doc],
  );
  return Number(rows[0]?.n);
}

describe("an erasure with its contributions, the person's drafts loaded on another node", () => {
  it('drops them there unsaved and refuses them: nothing of the drafts is left in the database', async () => {
    const { a, b } = await twoNodes();
    const workshop = await createWorkshop(a.url);
    const hugo = await join(a.url, workshop.joinCode, { name: 'Hugo Martinez', group: 'resident' });
    const drafts = draftsRoomName(workshop.id, hugo.participantId);
    // Hugo's drafts are open on node B only.
    const onB = await connectDoc(b.wsUrl, drafts, hugo.token);
    addNote(onB.doc, { x: 0, y: 0, author: hugo.participantId, text: 'Brouillon de Hugo' });
    await waitFor(async () => (await storedRows(drafts)) > 0, 'the draft to be stored');

    const erased = await api(
      a.url,
      'POST',
      `/api/workshops/${workshop.id}/participants/${hugo.participantId}/erase`,
      { token: workshop.facilitatorToken, body: { removeContributions: true } },
    );
    expect(erased.status).toBe(200);
    // Hugo's socket on B is closed (4410): B lets go of the room, dropped or (compacted) unloaded.
    const letGo = () =>
      logEntries(b)
        .filter((entry) => entry.room === drafts && /^room (dropped|unloaded)$/.test(String(entry.msg)))
        .map((entry) => entry.msg);
    await waitFor(() => letGo().length > 0, 'node B to let go of the drafts room');
    expect(letGo()).toEqual(['room dropped']);
    await waitFor(
      () => b.logs.includes("participant's drafts erased on another node: let go here"),
      'node B to have deleted what it wrote of them',
    );
    expect(await storedRows(drafts)).toBe(0);
    // The reveal on B moves nothing of Hugo's (his drafts room is refused there, not read again).
    const revealed = await api<{ revealed: number }>(b.url, 'POST', `/api/workshops/${workshop.id}/reveal`, {
      token: workshop.facilitatorToken,
    });
    expect(revealed.status).toBe(200);
    expect(revealed.body.revealed).toBe(0);
    const board = await connectDoc(b.wsUrl, roomName(workshop.id, 'board'), workshop.facilitatorToken);
    expect(readNotes(board.doc)).toEqual([]);
    expect(await storedRows(drafts)).toBe(0);
  });
});

describe('a deletion while another node has a turn of the workshop in flight', () => {
  it('leaves nothing of it: that node purges again once its turn ended', async () => {
    const stalled = await services.proxy(services.database.url, 5432);
    const { a, b } = await twoNodes(stalled.url);
    const workshop = await createWorkshop(a.url);
    const bob = await join(a.url, workshop.joinCode, { name: 'Bob', group: 'business' });
    const board = roomName(workshop.id, 'board');
    const onB = await connectDoc(b.wsUrl, board, bob.token);
    addNote(onB.doc, { id: 'before', x: 0, y: 0, author: bob.participantId, text: 'avant' });
    await waitFor(async () => (await workshopRows(workshop.id)) > 1, 'the first note to be stored');

    // B's next turn reaches its database connection and stays there, unanswered: in flight.
    stalled.stall();
    addNote(onB.doc, { id: 'inFlight', x: 0, y: 100, author: bob.participantId, text: 'en vol' });
    const deleted = await api(a.url, 'DELETE', `/api/workshops/${workshop.id}`, {
      token: workshop.facilitatorToken,
      body: { confirm: DEFAULT_WORKSHOP.title },
    });
    expect(deleted.status).toBe(200);
    // A purged without waiting for B; B dropped the room, its turn still on its way.
    expect(await workshopRows(workshop.id)).toBe(0);
    await waitFor(
      () => b.logs.includes('workshop deleted on another node: let go here'),
      'node B to let go of the workshop',
    );

    // The turn commits after A's purge; B's purge, after it, leaves nothing.
    stalled.resume();
    await waitFor(
      () => b.logs.includes('workshop deleted on another node: purged again here'),
      'node B to purge again',
    );
    expect(await workshopRows(workshop.id)).toBe(0);
    expect(
      (await services.admin.query('SELECT 1 FROM workshops WHERE id = $1', [workshop.id])).rowCount,
    ).toBe(0);
  });
});

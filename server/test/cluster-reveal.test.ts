/**
 * Silent ideation's reveal with two servers on one PostgreSQL database and one Redis
 * (docs/scale-out.md §3, "Single-writer duties"): two facilitators revealing at the same moment
 * on two nodes move every draft once — a draft is moved under its own note id, so each node's
 * move of one draft is the same board entry, which Yjs keeps once — and no lock is needed.
 * Stock y-websocket clients on both nodes.
 */
import {
  addNote,
  type DraftCounts,
  draftsRoomName,
  readControlState,
  readNotes,
  roomName,
  setSilent,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { useServersServices } from './cluster-services';
import { api, connectDoc, type DocClient, startServer, waitDoc, waitFor, workshopWith } from './harness';

const services = useServersServices();

const CAST = {
  alice: { name: 'Alice Moreau', group: 'resident' },
  bob: { name: 'Bob Lefèvre', group: 'business' },
} as const;

const ideas = (who: string, n: number) => Array.from({ length: n }, (_, i) => `${who} : idée ${i + 1}`);

describe('two reveals at once on two nodes', () => {
  it('put every draft on the board once, empty every drafts room and end silent ideation everywhere', async () => {
    const a = await startServer({ env: services.env() });
    const b = await startServer({ env: services.env() });
    const cast = await workshopWith(a.url, CAST);
    const { id } = cast.workshop;
    const token = cast.workshop.facilitatorToken;
    const control = await connectDoc(a.wsUrl, roomName(id, 'control'), token);
    setSilent(control.doc, true);
    const controlOnB = await connectDoc(b.wsUrl, roomName(id, 'control'), token);
    await waitDoc(controlOnB, (d) => readControlState(d).silent, 'silent ideation to be on for node B');

    // Alice writes her drafts on node A, Bob on node B.
    const written: Record<string, string[]> = { alice: ideas('Alice', 4), bob: ideas('Bob', 3) };
    const drafts: DocClient[] = [];
    for (const [who, server] of [
      ['alice', a],
      ['bob', b],
    ] as const) {
      const person = cast[who];
      const client = await connectDoc(server.wsUrl, draftsRoomName(id, person.participantId), person.token);
      for (const [i, text] of (written[who] ?? []).entries())
        addNote(client.doc, { x: 120 * i, y: 40, author: person.participantId, text });
      drafts.push(client);
    }
    // Both nodes count every draft before either reveals.
    for (const server of [a, b])
      await waitFor(
        async () => {
          const { body } = await api<DraftCounts>(server.url, 'GET', `/api/workshops/${id}/drafts`, {
            token,
          });
          return body.counts?.[cast.alice.participantId] === 4 && body.counts?.[cast.bob.participantId] === 3;
        },
        `node ${server === a ? 'A' : 'B'} to count the drafts`,
      );

    const boards = [
      await connectDoc(a.wsUrl, roomName(id, 'board'), token),
      await connectDoc(b.wsUrl, roomName(id, 'board'), token),
    ];
    const reveals = await Promise.all(
      [a, b].map((server) => api(server.url, 'POST', `/api/workshops/${id}/reveal`, { token })),
    );
    expect(reveals.map((r) => r.status)).toEqual([200, 200]);

    const expected = [...(written.alice ?? []), ...(written.bob ?? [])].sort();
    const texts = (client: DocClient) =>
      readNotes(client.doc)
        .map((n) => n.text)
        .sort();
    for (const board of boards)
      await waitDoc(board, () => texts(board).length === expected.length, 'every revealed note on the board');
    // The same board on both nodes, every draft once, each with its author.
    for (const board of boards) expect(texts(board)).toEqual(expected);
    const byId = (client: DocClient) =>
      readNotes(client.doc)
        .map((n) => `${n.id} ${n.author}`)
        .sort();
    expect(byId(boards[0] as DocClient)).toEqual(byId(boards[1] as DocClient));
    for (const client of drafts)
      await waitDoc(client, (d) => readNotes(d).length === 0, 'the drafts room emptied');
    for (const client of [control, controlOnB])
      await waitDoc(client, (d) => !readControlState(d).silent, 'silent ideation to be off');
  });
});

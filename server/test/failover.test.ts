/**
 * Failover, proven (issue 19 §5): three nodes on PostgreSQL + Redis behind the shipped nginx
 * site, stock y-websocket clients on one workshop through it, a burst of notes, moves and
 * ballots, and one node killed with SIGKILL in the middle of it. Every client is back within
 * 5 s, every edit is in every client and in the database, each ballot counts once, and a
 * timed round's deadline still fires once.
 */
import { randomUUID } from 'node:crypto';
import { addNote, createCluster, moveNote, readClusterList, readNotes, roomName } from '@atelier/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPgStorage } from '../src/store/pg/storage';
import { type RunningCluster, startCluster } from './cluster';
import { cleanup, connectDoc, type DocClient, logEntries, waitFor, workshopWith } from './harness';
import { ok, roundBody, votesApi } from './votes-api';

const PEOPLE = 6;
const NOTES_EACH = 30;
const ISSUES = ['enjeu-mobilite', 'enjeu-logement', 'enjeu-emploi'] as const;
/** How long a client may be away after its node died (the issue's bound). */
const BACK_WITHIN_MS = 5000;

let cluster: RunningCluster;

beforeAll(async () => {
  cluster = await startCluster({ nodes: 3 });
}, 90_000);

afterAll(async () => {
  await cluster?.stop();
  await cleanup();
});

/** Whether the provider is connected and synced with its (current) server. */
const live = (client: DocClient) => client.provider.wsconnected && client.provider.synced;

/** Each note as `text@x,y`: its move must be there too. */
const notePlaces = (doc: Y.Doc) => new Set(readNotes(doc).map((note) => `${note.text}@${note.x},${note.y}`));

describe('three nodes behind nginx, one killed mid-burst', () => {
  it('brings every client back on a surviving node and loses no edit and no ballot', async () => {
    const target = cluster.client();
    const cast = Object.fromEntries(
      Array.from({ length: PEOPLE }, (_, i) => [
        `p${i}`,
        { name: `Personne ${i + 1}`, group: i % 2 === 0 ? 'resident' : 'business' } as const,
      ]),
    );
    const { workshop, ...joined } = await workshopWith(target, cast);
    const people = Object.values(joined);
    const board = roomName(workshop.id, 'board');
    const connect = (token: string) =>
      connectDoc(cluster.wsUrl, board, token, {
        origin: cluster.origin,
        wsOptions: { ca: cluster.ca },
        timeoutMs: 15_000,
      });

    // The issues to vote on, written by the facilitator, and an open dots round on them.
    const facilitator = await connect(workshop.facilitatorToken);
    for (const [i, id] of ISSUES.entries())
      createCluster(facilitator.doc, { title: `Enjeu ${i + 1}`, x: 400 * i, y: 0 }, id);
    const clients: DocClient[] = [];
    for (const person of people) clients.push(await connect(person.token));
    await waitFor(
      () => clients.every((client) => readClusterList(client.doc).length === ISSUES.length),
      'everyone to see the issues',
    );
    // nginx hands the sockets out in turn: every node holds some of the board's clients.
    for (const node of cluster.nodes) {
      expect(logEntries(node).some((entry) => entry.msg === 'sync connected' && entry.room === board)).toBe(
        true,
      );
    }
    const votes = votesApi(target, workshop.id);
    const round = ok(
      await votes.create(
        workshop.facilitatorToken,
        roundBody({ dots: { budget: 3, cap: 2, negative: false } }),
      ),
      201,
    );
    ok(await votes.act(workshop.facilitatorToken, round.id, 'open'));
    // A second round, timed: its deadline must still fire, once, after a node died.
    const timed = ok(
      await votes.create(
        workshop.facilitatorToken,
        roundBody({ title: 'Minuté', dots: { budget: 3, cap: 2, negative: false }, durationMinutes: 1 }),
      ),
      201,
    );
    ok(await votes.act(workshop.facilitatorToken, timed.id, 'open'));

    const victim = cluster.nodes[1];
    if (!victim) throw new Error('three nodes');
    let killedAt = 0;
    /** One ballot change, sent again with the same request id while the node that took it is dying. */
    const castDots = async (person: (typeof people)[number]) => {
      const change = { requestId: randomUUID(), dots: { [ISSUES[0]]: 1, [ISSUES[1]]: 1 } };
      for (let attempt = 0; attempt < 50; attempt++) {
        const answer = await votes
          .cast(person.token, round.id, person.participantId, change)
          .catch(() => null);
        // 409 `replayed`: an earlier attempt was stored before its answer was lost.
        if (answer?.status === 200 || answer?.status === 409) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the ballot of ${person.participantId} was never taken`);
    };
    // The burst: each person adds notes and moves each one; half-way, a node dies.
    const bursts = clients.map(async (client, i) => {
      for (let n = 0; n < NOTES_EACH; n++) {
        const id = addNote(client.doc, {
          x: n * 10,
          y: i * 200,
          author: people[i]?.participantId ?? '',
          text: `p${i}-n${n}`,
        });
        moveNote(client.doc, id, { x: n * 10 + 5, y: i * 200 + 5 });
        if (i === 0 && n === NOTES_EACH / 2) {
          killedAt = Date.now();
          await victim.kill();
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const ballots = people.map(async (person, i) => {
      // Spread over the burst, so that some ballots meet the dying node.
      await new Promise((resolve) => setTimeout(resolve, 60 * i));
      await castDots(person);
    });
    await Promise.all([...bursts, ...ballots]);
    expect(killedAt).toBeGreaterThan(0);
    // The dead node's clients lost their socket (the others may not have noticed anything).
    expect(clients.filter((client) => client.closes.length > 0).length).toBeGreaterThan(0);

    // Every client back on a surviving node within 5 s of the kill.
    await waitFor(() => clients.every(live), 'every client to be connected and synced again', BACK_WITHIN_MS);
    expect(Date.now() - killedAt).toBeLessThan(BACK_WITHIN_MS);

    // Every note anyone wrote, where its author moved it, is in every client…
    const placed = new Set(
      clients.flatMap((_, i) =>
        Array.from({ length: NOTES_EACH }, (_, n) => `p${i}-n${n}@${n * 10 + 5},${i * 200 + 5}`),
      ),
    );
    const holdsAll = (client: DocClient) => {
      const places = notePlaces(client.doc);
      return places.size === placed.size && [...placed].every((place) => places.has(place));
    };
    await waitFor(() => [...clients, facilitator].every(holdsAll), 'every client to hold every note, moved');
    for (const client of [...clients, facilitator]) expect(notePlaces(client.doc)).toEqual(placed);

    // …and in the database, as stored.
    const pool = new pg.Pool({ connectionString: cluster.database.url });
    try {
      const stored = await createPgStorage(pool).docs.load(board);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      expect(notePlaces(doc)).toEqual(placed);
    } finally {
      await pool.end();
    }

    // The timed round's deadline, brought forward in the database (not a minute's wait): a
    // surviving node closes it, and only one closing happens in the whole cluster.
    const admin = new pg.Client({ connectionString: cluster.database.url });
    await admin.connect();
    try {
      await admin.query('UPDATE vote_rounds SET ends_at = $2 WHERE id = $1', [timed.id, Date.now()]);
    } finally {
      await admin.end();
    }
    await waitFor(
      async () =>
        ok(await votes.list(workshop.facilitatorToken)).rounds.find((r) => r.id === timed.id)?.state ===
        'closed',
      'the timed round to close at its deadline',
    );
    // The closing node logs after its write is committed, so the line may trail the state.
    const closings = () =>
      cluster.nodes.flatMap((node) =>
        logEntries(node).filter(
          (entry) => entry.msg === 'vote round closed: time is up' && entry.roundId === timed.id,
        ),
      );
    await waitFor(() => closings().length > 0, 'the closing node to log the closing');
    expect(closings()).toHaveLength(1);

    // Each ballot counted once: two dots per person, one on each of the first two issues.
    const revealed = ok(await votes.act(workshop.facilitatorToken, round.id, 'reveal'));
    const totals = Object.fromEntries((revealed.results?.targets ?? []).map((t) => [t.targetId, t.positive]));
    expect(totals).toEqual({ [ISSUES[0]]: PEOPLE, [ISSUES[1]]: PEOPLE, [ISSUES[2]]: 0 });
    expect(revealed.results?.voters).toBe(PEOPLE);
  }, 120_000);
});

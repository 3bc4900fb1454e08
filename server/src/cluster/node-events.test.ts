/**
 * Node events against the real Redis: nodes in this process, each with its own stream reader,
 * and what a node does when told (`actOnNodeEvents`) with this node's real `ParticipantSockets`.
 */

import { CLOSE_CODES, draftsRoomName, parseRoomName, roomName } from '@atelier/shared';
import { createTestRedis, type TestRedis } from '@atelier/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createWorkshopDeletion } from '../privacy/deletion';
import { type Closable, ParticipantSockets } from '../sync/participant-sockets';
import { actOnNodeEvents } from './node-event-actions';
import {
  createRedisNodeEvents,
  disconnectingEveryNode,
  type NodeEvent,
  type NodeEvents,
} from './node-events';

const [W1, W2] = ['wkshp1aaaaaa', 'wkshp2bbbbbb'];

let redis: TestRedis;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  redis = await createTestRedis();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await redis.cleanup();
});

interface Node {
  id: string;
  events: NodeEvents;
  heard: { event: NodeEvent; from: string }[];
  lines: string[];
}

/** A node whose handler records what it hears (unless `handle` is given). */
async function node(name: string): Promise<Node> {
  const id = `${name}-${redis.prefix.split(':')[2]}`;
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(line) });
  const events = await createRedisNodeEvents({
    redis: await redis.connect(),
    prefix: redis.prefix,
    nodeId: id,
    log,
    blockMs: 1000,
  });
  cleanups.push(() => events.close());
  const heard: Node['heard'] = [];
  events.onEvent((event, from) => void heard.push({ event, from }));
  return { id, events, heard, lines };
}

const changed = (workshopId: string): NodeEvent => ({ type: 'rounds-changed', workshopId });
const workshopOf = (event: NodeEvent) => ('workshopId' in event ? event.workshopId : null);

/**
 * Publishes a last event from `by` and waits until every other node heard it: the stream is read
 * in order, so each of them has handled everything published before.
 */
async function settled(nodes: Node[], by: Node): Promise<void> {
  const mark = changed(`mark-${Math.random()}`);
  await by.events.publish(mark);
  for (const n of nodes)
    if (n !== by)
      await expect.poll(() => n.heard.some((h) => workshopOf(h.event) === workshopOf(mark))).toBe(true);
}

function socket(): Closable & { closes: [number, string][] } {
  const closes: [number, string][] = [];
  return { closes, close: (code, reason) => void closes.push([code, reason]) };
}

describe('node events', () => {
  it('reach every other node exactly once, and not the sender', async () => {
    const nodes = [await node('a'), await node('b'), await node('c')];
    const [a, b, c] = nodes as [Node, Node, Node];
    const sent: NodeEvent[] = [
      { type: 'participant-disconnect', participantId: 'p1', code: 4410, reason: 'removed by a facilitator' },
      { type: 'workshop-deleted', workshopId: 'w1', participantIds: ['p1', 'p2'] },
      changed('w2'),
    ];
    for (const event of sent) await a.events.publish(event);
    await settled(nodes, c);
    const fromA = sent.map((event) => ({ event, from: a.id }));
    expect(b.heard.slice(0, sent.length)).toEqual(fromA);
    expect(c.heard).toEqual(fromA);
    // C's mark reached A and B once each, and C itself not.
    expect(a.heard.map((h) => h.from)).toEqual([c.id]);
    expect(b.heard.map((h) => h.from)).toEqual([a.id, a.id, a.id, c.id]);
  });

  it('are read from the node start on, and a malformed entry is skipped with a log line', async () => {
    const a = await node('a');
    await a.events.publish(changed('before'));
    const b = await node('b');
    await redis.redis.xadd(redis.key('events'), '*', 'n', a.id, 'e', '{"type":"workshop-deleted"}');
    await redis.redis.xadd(redis.key('events'), '*', 'n', a.id, 'e', 'not json');
    await a.events.publish(changed('after'));
    await expect.poll(() => b.heard.map((h) => workshopOf(h.event))).toEqual(['after']);
    expect(b.lines.filter((l) => l.includes('node events: malformed event skipped'))).toHaveLength(2);
  });

  it("close a removed person's sockets and let go of a deleted workshop on every node", async () => {
    const log = createLogger('silent');
    /** A node as the server composes it, with this node's sockets and rooms. */
    const serverNode = async (name: string) => {
      const n = await node(name);
      const sockets = new ParticipantSockets();
      const dropped: string[] = [];
      const forgotten: string[] = [];
      const deletedDocs: string[] = [];
      const loaded = [
        roomName(W1, 'board'),
        roomName(W1, 'control'),
        roomName(W2, 'board'),
        draftsRoomName(W2, 'hugo'),
      ];
      const rooms = {
        retire(workshopId: string) {
          const names = loaded.filter((room) => parseRoomName(room)?.workshopId === workshopId);
          dropped.push(...names);
          return names;
        },
        retireRoom(name: string) {
          const names = loaded.filter((room) => room === name);
          dropped.push(...names);
          return names;
        },
        dropsSettled: async () => {},
      };
      const votes = { forget: (id: string) => void forgotten.push(id) };
      const purge = {
        deleteWorkshop: async (id: string) => deletedDocs.push(id) > 0,
        deleteDoc: async (doc: string) => void deletedDocs.push(doc),
        scrub: async () => ({ busy: false }),
      };
      n.events.onEvent(
        actOnNodeEvents({ rooms, sockets, votes, activity: { forget: () => {} }, purge, log }),
      );
      const deletion = createWorkshopDeletion({
        workshops: { participants: async () => [{ id: 'lea' }, { id: 'hugo' }] as never },
        purge: { deleteWorkshop: async () => true, scrub: async () => ({ busy: false }) } as never,
        rooms,
        sockets,
        votes,
        activity: { forget: () => {} },
        events: n.events,
        log,
      });
      return {
        n,
        sockets,
        dropped,
        forgotten,
        deletedDocs,
        deletion,
        disconnector: disconnectingEveryNode(sockets, n.events, log),
      };
    };
    const [a, b] = [await serverNode('a'), await serverNode('b')];
    const [leaOnA, leaOnB, hugoOnB] = [socket(), socket(), socket()];
    a.sockets.add('lea', leaOnA);
    b.sockets.add('lea', leaOnB);
    b.sockets.add('hugo', hugoOnB);

    expect(await a.disconnector.disconnect('lea', CLOSE_CODES.roleChanged, 'role changed')).toBe(1);
    expect(leaOnA.closes).toEqual([[CLOSE_CODES.roleChanged, 'role changed']]);
    await expect.poll(() => leaOnB.closes).toEqual([[CLOSE_CODES.roleChanged, 'role changed']]);
    expect(hugoOnB.closes).toEqual([]);

    expect(await a.deletion.delete(W1, 'creator')).toBe(true);
    await expect.poll(() => hugoOnB.closes).toEqual([[CLOSE_CODES.workshopDeleted, 'workshop deleted']]);
    expect(b.dropped).toEqual([roomName(W1, 'board'), roomName(W1, 'control')]);
    expect(b.forgotten).toEqual([W1]);
    expect(a.dropped).toEqual([roomName(W1, 'board'), roomName(W1, 'control')]);

    // An erasure's drafts: dropped unsaved and deleted again on the other node.
    await a.n.events.publish({ type: 'drafts-erased', workshopId: W2, participantId: 'hugo' });
    // B held rooms of W1: it purged W1 again once its writes in flight had ended.
    await expect.poll(() => b.deletedDocs).toEqual([W1, draftsRoomName(W2, 'hugo')]);
    expect(b.dropped).toEqual([roomName(W1, 'board'), roomName(W1, 'control'), draftsRoomName(W2, 'hugo')]);
  });
});

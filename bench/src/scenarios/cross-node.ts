/**
 * Issue 19 §6, cross-node latency overhead: two nodes serve one room; one sender on node A
 * moves its note and its cursor 10 times a second; five stock clients on node A and five on
 * node B receive. The same sends, seen on both nodes, give the latency of an update (and of a
 * cursor) to a client on the sender's node and to one on the other node: the difference is
 * what the bus adds (Atelier: commit, XADD, the other node's XREAD; Hocuspocus: Redis pub/sub).
 */
import { moveNote } from '@atelier/shared';
import { now, sleep, stampOf } from '../lib/clock';
import { summarize } from '../lib/histogram';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { connectClient } from '../load/client';
import { DeliveryTracker } from '../load/delivery';
import { observeProbe } from '../load/observe';
import { docFromSeed, noteIdOf, seedUpdate } from '../load/seed';
import { durationOf } from '../load/server-run';
import type { BenchClient } from '../load/types';
import { provisionRooms } from '../servers';
import { type Deployment, deploymentKey, scaledOutServers, withDeployment } from '../servers/deployment';

export const name = 'cross-node';
export const description =
  'one sender on node A, 5 receivers on A and 5 on B: p50/p99 of a note move and a cursor to the same node and across nodes';
export const columns: Column[] = [
  { key: 'docSameP50', label: 'doc same p50 ms' },
  { key: 'docSameP99', label: 'p99' },
  { key: 'docCrossP50', label: 'doc cross p50 ms' },
  { key: 'docCrossP99', label: 'p99' },
  { key: 'docOverheadP50', label: 'overhead p50' },
  { key: 'docOverheadP99', label: 'overhead p99' },
  { key: 'presSameP50', label: 'pres same p50' },
  { key: 'presSameP99', label: 'p99' },
  { key: 'presCrossP50', label: 'pres cross p50' },
  { key: 'presCrossP99', label: 'p99' },
  { key: 'docCrossDelivered', label: 'cross deliv %', digits: 2 },
];

const RECEIVERS_PER_NODE = 5;
const SENDS_PER_S = 10;
const WARMUP_MS = 1_000;
const DRAIN_MS = 1_000;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const durationS = durationOf(ctx, 20, 3);
  const rows: ResultRow[] = [];
  const notes = [
    `1 sender + ${RECEIVERS_PER_NODE} receivers on node A, ${RECEIVERS_PER_NODE} on node B; ${SENDS_PER_S} moves/s and ${SENDS_PER_S} cursor states/s, ${durationS} s measured; nodes pinned to cores 0 and 1 (the generator shares core 1)`,
  ];
  for (const server of scaledOutServers(ctx.servers)) {
    const spec = { server, backend: 'pg', nodes: 2 } as const;
    try {
      rows.push(await withDeployment(spec, (d) => measure(d, durationS)));
    } catch (error) {
      notes.push(
        `${deploymentKey(spec)}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
    ctx.log(`${deploymentKey(spec)} done`);
  }
  return { rows, notes };
}

async function measure(deployment: Deployment, durationS: number): Promise<ResultRow> {
  const clientCount = 1 + 2 * RECEIVERS_PER_NODE;
  const [room] = await provisionRooms(deployment.entry, 1, clientCount);
  if (!room) throw new Error('no room');
  const [nodeA, nodeB] = deployment.urls;
  if (!nodeA || !nodeB) throw new Error('cross-node needs two nodes');
  const seed = seedUpdate(clientCount);
  // Client 0 sends; 1..5 are on its node, 6..10 on the other.
  const onA = (index: number) => index <= RECEIVERS_PER_NODE;
  const clients: BenchClient[] = room.clients.map((info) =>
    connectClient({ name: deployment.name, url: onA(info.index) ? nodeA : nodeB }, room.name, info, {
      kind: 'probe',
      doc: docFromSeed(seed),
    }),
  );
  try {
    await Promise.all(clients.map((c) => c.whenSynced(60_000)));
    const receivers = (sameNode: boolean) =>
      new Set(clients.map((c) => c.index).filter((i) => i > 0 && onA(i) === sameNode));
    const same = {
      presence: new DeliveryTracker(clientCount, receivers(true)),
      doc: new DeliveryTracker(clientCount, receivers(true)),
    };
    const cross = {
      presence: new DeliveryTracker(clientCount, receivers(false)),
      doc: new DeliveryTracker(clientCount, receivers(false)),
    };
    const indexOf = new Map(clients.map((c) => [c.clientId, c.index]));
    for (const client of clients.slice(1)) observeProbe(client, indexOf, onA(client.index) ? same : cross);

    const sender = clients[0] as BenchClient;
    const measureFrom = now() + WARMUP_MS;
    const measureTo = measureFrom + durationS * 1000;
    let seq = 0;
    const timer = setInterval(() => {
      const t = now();
      if (t >= measureFrom && t < measureTo) {
        for (const tracker of [same.doc, cross.doc, same.presence, cross.presence]) tracker.recordSend(0, t);
      }
      moveNote(sender.doc, noteIdOf(0), { x: stampOf(t), y: ++seq }, t);
      sender.setPresence({ cursor: { x: stampOf(t), y: 0 } });
    }, 1000 / SENDS_PER_S);
    await sleep(measureTo - now());
    clearInterval(timer);
    await sleep(DRAIN_MS);

    const p = (tracker: DeliveryTracker) => summarize(tracker.each);
    const docSame = p(same.doc);
    const docCross = p(cross.doc);
    const presSame = p(same.presence);
    const presCross = p(cross.presence);
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
    return {
      key: deploymentKey(deployment.spec),
      server: deployment.name,
      docSameP50: docSame.p50,
      docSameP99: docSame.p99,
      docCrossP50: docCross.p50,
      docCrossP99: docCross.p99,
      docOverheadP50: diff(docCross.p50, docSame.p50),
      docOverheadP99: diff(docCross.p99, docSame.p99),
      presSameP50: presSame.p50,
      presSameP99: presSame.p99,
      presCrossP50: presCross.p50,
      presCrossP99: presCross.p99,
      docCrossDelivered: cross.doc.expected() > 0 ? (100 * cross.doc.delivered) / cross.doc.expected() : null,
    };
  } finally {
    for (const client of clients) client.close();
  }
}

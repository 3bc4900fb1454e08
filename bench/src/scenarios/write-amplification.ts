/**
 * Issue 19 §6, database write amplification: bytes written per byte of update the clients
 * sent, Atelier embedded (SQLite: the process's /proc/<pid>/io write_bytes, its database and
 * WAL files) against Atelier on PostgreSQL (the backends of the run's database and the server's
 * background writers from /proc, the WAL records of the run's database read back with
 * pg_walinspect, the database's growth), and Hocuspocus with
 * its Redis and database extensions on the same PostgreSQL (whole-state stores, debounced 2 s).
 * 10 rooms × 45, every client moving its note twice a second, no cursors, 30 s measured.
 * Update bytes: the WebSocket payloads the clients sent in the window (Hocuspocus' carry the
 * document name besides); bytes written: from the window's start to 12 s after its end, so that
 * writes deferred past it (Hocuspocus' debounced whole-state stores) count.
 */
import { sleep } from '../lib/clock';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { runLoad } from '../load/generator';
import type { LoadSpec } from '../load/load-spec';
import { durationOf } from '../load/server-run';
import { provisionRooms } from '../servers';
import {
  type Deployment,
  type DeploymentSpec,
  deploymentKey,
  scaledOutServers,
  startWriteWindow,
  type WrittenBytes,
  withDeployment,
} from '../servers/deployment';

export const name = 'write-amplification';
export const description =
  'bytes written to storage per update byte: Atelier on SQLite vs PostgreSQL, Hocuspocus + Redis on PostgreSQL (10 × 45, 2 moves/s each)';
export const columns: Column[] = [
  { key: 'updateMB', label: 'update MB', digits: 2 },
  { key: 'nodesPerByte', label: 'node proc B/B', digits: 2 },
  { key: 'postgresPerByte', label: 'pg procs B/B', digits: 2 },
  { key: 'walPerByte', label: 'db WAL B/B', digits: 2 },
  { key: 'databasePerByte', label: 'db growth B/B', digits: 2 },
  { key: 'filesPerByte', label: 'data dir growth B/B', digits: 2 },
  { key: 'docP99', label: 'doc p99 ms' },
  { key: 'docDelivered', label: 'deliv %', digits: 2 },
];

/** How long the write window stays open after the load's window: Hocuspocus stores within 10 s of a change. */
const SETTLE_MS = 12_000;

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const rooms = ctx.quick ? 2 : 10;
  const clientsPerRoom = ctx.quick ? 10 : 45;
  const spec: LoadSpec = {
    cursorHz: 0,
    movesPerSec: 2,
    probesPerRoom: 2,
    warmupS: ctx.quick ? 1 : 5,
    durationS: durationOf(ctx, 30, 5),
    drainS: 2,
    connectConcurrency: 30,
  };
  const deployments = scaledOutServers(ctx.servers).flatMap((server): DeploymentSpec[] =>
    server === 'atelier'
      ? [
          { server, backend: 'sqlite', nodes: 1 },
          { server, backend: 'pg', nodes: 1 },
        ]
      : [{ server, backend: 'pg', nodes: 1 }],
  );
  const rows: ResultRow[] = [];
  const notes = [
    `${rooms} rooms × ${clientsPerRoom}, ${spec.movesPerSec} moves/s per client, ${spec.durationS} s measured; db WAL = this database's WAL records (pg_walinspect; – when the server recycled a segment before it was read); pg procs = /proc write_bytes of its backends and the server's background writers, which also write for other databases`,
  ];
  for (const deployment of deployments) {
    try {
      rows.push(await withDeployment(deployment, (d) => measure(d, rooms, clientsPerRoom, spec, ctx)));
    } catch (error) {
      notes.push(
        `${deploymentKey(deployment)}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  return { rows, notes };
}

async function measure(
  deployment: Deployment,
  rooms: number,
  clientsPerRoom: number,
  spec: LoadSpec,
  ctx: ScenarioContext,
): Promise<ResultRow> {
  const provisioned = await provisionRooms(deployment.entry, rooms, clientsPerRoom);
  let end: (() => Promise<WrittenBytes>) | null = null;
  let written: WrittenBytes | null = null;
  const report = await runLoad(deployment, provisioned, spec, ctx.log, {
    opened: async () => {
      end = await startWriteWindow(deployment);
    },
    closed: async () => {
      // Writes deferred past the window (Hocuspocus' debounced stores, ≤ 10 s) still count.
      await sleep(SETTLE_MS);
      written = (await end?.()) ?? null;
    },
  });
  const bytes = written as WrittenBytes | null;
  if (!bytes) throw new Error('the write window did not close');
  const updateBytes = report.traffic.probe.bytesOut + report.traffic.light.bytesOut;
  const per = (value: number | null) => (value === null || updateBytes === 0 ? null : value / updateBytes);
  return {
    key: deploymentKey(deployment.spec),
    server: deployment.name,
    updateMB: updateBytes / 2 ** 20,
    nodesPerByte: per(bytes.nodes),
    postgresPerByte: per(bytes.postgres),
    walPerByte: per(bytes.postgresWal),
    databasePerByte: per(bytes.postgresDatabase),
    filesPerByte: per(bytes.dataDirs),
    docP99: report.doc.each.p99,
    docDelivered: report.doc.deliveredRatio === null ? null : report.doc.deliveredRatio * 100,
  };
}

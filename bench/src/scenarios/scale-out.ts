/**
 * Issue 19 §4 and §6: how many rooms of 45 at the consultancy scenario's load (cursors 1 Hz,
 * 0.25 note moves/s per client) each deployment holds at p99 ≤ 50 ms, and what a delivered
 * message costs in CPU, the database's and the bus's included: Atelier embedded (SQLite, one
 * process), Atelier on PostgreSQL + Redis as 1, 2 and 3 node processes (each pinned to a core
 * in turn) and as one `WORKERS=2` process, Hocuspocus with `@hocuspocus/extension-redis` and
 * `@hocuspocus/extension-database` on the same PostgreSQL and Redis as 1, 2 and 3 nodes.
 * Clients are spread over the nodes round-robin (a balancer's way). Rooms step up (5, 10,
 * 15, 20, 30, 40, 60, 80) on a fresh deployment per step until consultancy-scale's limits.
 * `SCALE_OUT_NODES=1,2` chooses the node counts; `SCALE_OUT_EMBEDDED=0` leaves out the embedded row.
 * A deployment of n processes is stopped past 80 % × n of a core in all (`deploymentCores`).
 */
import { cpus } from 'node:os';
import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import type { LoadReport } from '../load/generator';
import { runLoad } from '../load/generator';
import { DOC_COLUMNS, loadNotes, loadRow, PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { type BenchServer, provisionRooms } from '../servers';
import { type DeploymentSpec, deploymentKey, scaledOutServers, withDeployment } from '../servers/deployment';
import { consultancyLoad, limitReached } from './consultancy-scale';

export const name = 'scale-out';
export const description =
  'rooms × 45 at the consultancy load held at p99 ≤ 50 ms and CPU per delivered message (PostgreSQL and Redis included): Atelier embedded, 1–3 nodes, WORKERS=2; Hocuspocus + Redis 1–3 nodes';
export const columns = [
  { key: 'connections', label: 'conns', digits: 0 },
  ...PRESENCE_COLUMNS.filter((c) => ['presP50', 'presP99', 'presDelivered'].includes(c.key)),
  ...DOC_COLUMNS.filter((c) => ['docP50', 'docP99', 'docDelivered'].includes(c.key)),
  { key: 'cpuPct', label: 'total CPU %' },
  { key: 'nodesCpuPct', label: 'nodes %' },
  { key: 'postgresCpuPct', label: 'pg %' },
  { key: 'redisCpuPct', label: 'redis %' },
  ...SERVER_COLUMNS.filter((c) => ['cpuUsPerMsg', 'eldP99', 'genCpuPct', 'genLagP99'].includes(c.key)),
  { key: 'held', label: 'held' },
];

const STEPS = [5, 10, 15, 20, 30, 40, 60, 80];

/** A node's error lines (pino level ≥ 50), the first few: why updates went missing. */
function nodeErrors(key: string, nodes: readonly BenchServer[]): string[] {
  return nodes.flatMap((node, i) =>
    node.logs
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .slice(0, 3)
      .map((line) => `${key} node ${i} error: ${line.slice(0, 300)}`),
  );
}

/**
 * The cores a deployment's processes may fill: one per node process, up to the machine's. The
 * CPU limit (80 % of a core for one process) scales with it — two processes are saturated at
 * 160 %, not 80 %; the generator's own limits still stop a step that starves the generator.
 */
export function deploymentCores(deployment: DeploymentSpec): number {
  return Math.min(deployment.nodes * (deployment.workers ?? 1), cpus().length);
}

/** Every deployment the run compares, in table order. */
export function deploymentsOf(ctx: ScenarioContext): DeploymentSpec[] {
  const nodeCounts = (process.env.SCALE_OUT_NODES ?? (ctx.quick ? '1,2' : '1,2,3'))
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const specs: DeploymentSpec[] = [];
  for (const server of scaledOutServers(ctx.servers)) {
    if (server === 'atelier' && process.env.SCALE_OUT_EMBEDDED !== '0')
      specs.push({ server, backend: 'sqlite', nodes: 1 });
    for (const nodes of nodeCounts) specs.push({ server, backend: 'pg', nodes });
    if (server === 'atelier') specs.push({ server, backend: 'pg', nodes: 1, workers: 2 });
  }
  return specs;
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { clientsPerRoom, spec } = consultancyLoad(ctx);
  const steps = ctx.quick ? [1, 2] : STEPS;
  const rows: ResultRow[] = [];
  const notes = [
    `rooms × ${clientsPerRoom}, ${spec.probesPerRoom} probes/room, cursors ${spec.cursorHz} Hz, ${spec.movesPerSec} moves/s, ${spec.durationS} s per step; total CPU = nodes + PostgreSQL (this run's backends and its background processes) + Redis`,
  ];
  for (const deployment of deploymentsOf(ctx)) {
    const key = deploymentKey(deployment);
    let held = 0;
    let stop = `no limit reached up to ${steps.at(-1)} rooms`;
    for (const rooms of steps) {
      let report: LoadReport;
      try {
        report = await withDeployment(deployment, async (target) => {
          const provisioned = await provisionRooms(target.entry, rooms, clientsPerRoom);
          const loaded = await runLoad(target, provisioned, spec, ctx.log);
          if ((loaded.doc.deliveredRatio ?? 1) < 0.99) notes.push(...nodeErrors(key, target.nodes));
          return loaded;
        });
      } catch (error) {
        stop = `${rooms} rooms failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        break;
      }
      const limit = limitReached(report, deploymentCores(deployment));
      rows.push({
        ...loadRow(`${key} ${rooms}×${clientsPerRoom}`, deployment.server, report),
        nodesCpuPct: report.serverCpuParts.nodes ?? null,
        postgresCpuPct: report.serverCpuParts.postgres ?? null,
        redisCpuPct: report.serverCpuParts.redis ?? null,
        held: limit === null ? 'yes' : 'no',
      });
      notes.push(...loadNotes(`${key} ${rooms}×${clientsPerRoom}`, report));
      ctx.log(`${key} ${rooms} rooms: ${limit ?? 'within limits'}`);
      if (limit !== null) {
        stop = `${rooms} rooms: ${limit}`;
        break;
      }
      held = rooms;
    }
    notes.push(`${key}: held ${held} rooms (${held * clientsPerRoom} connections); stopped at ${stop}`);
  }
  return { rows, notes };
}

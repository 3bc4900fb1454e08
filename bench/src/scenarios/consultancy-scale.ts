/**
 * Scenario 3 of the issue: a consultancy running many workshops at once. 5, 10, 20, 40…
 * rooms × 45 (cursors 1 Hz, note moves 0.25/s per client) on a fresh server per step, until
 * a limit: under 99% of the messages delivered, latency p99 > 50 ms (presence or document),
 * server CPU > 80% of its core, or the load generator saturates (> 70% of its core, or its own
 * event loop lagging > 20 ms p99, or clients failing to connect). Reports the connections held: the last step within limits.
 */
import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import type { LoadReport } from '../load/generator';
import type { LoadSpec } from '../load/load-spec';
import {
  DOC_COLUMNS,
  GENERATOR_CPU_LIMIT_PCT,
  loadRow,
  PRESENCE_COLUMNS,
  SERVER_COLUMNS,
} from '../load/report-row';
import { durationOf, loadOnFreshServer } from '../load/server-run';

export const name = 'consultancy-scale';
export const description =
  'N rooms × 45 (N = 5, 10, 20, 40…), cursors 1 Hz + 0.25 moves/s, step up until p99 > 50 ms, CPU > 80% or generator saturated';
export const columns = [
  { key: 'connections', label: 'conns', digits: 0 },
  ...PRESENCE_COLUMNS.filter((c) => ['presP50', 'presP99', 'presDelivered'].includes(c.key)),
  ...DOC_COLUMNS.filter((c) => ['docP50', 'docP99', 'docDelivered'].includes(c.key)),
  ...SERVER_COLUMNS,
  { key: 'held', label: 'held' },
];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'docP99', 'rssPerConnKB'];

const P99_LIMIT_MS = 50;
const CPU_LIMIT_PCT = 80;
const GENERATOR_LAG_LIMIT_MS = 20;
const MAX_ROOMS = 320;
const MIN_DELIVERED = 0.99;

/** The scenario's load per client and room size (the scale-out scenario runs the same). */
export function consultancyLoad(ctx: ScenarioContext): { clientsPerRoom: number; spec: LoadSpec } {
  return {
    clientsPerRoom: ctx.quick ? 10 : 45,
    spec: {
      cursorHz: 1,
      movesPerSec: 0.25,
      probesPerRoom: 2,
      warmupS: ctx.quick ? 1 : 5,
      durationS: durationOf(ctx, 30, 3),
      drainS: 2,
      connectConcurrency: 30,
    },
  };
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { clientsPerRoom, spec } = consultancyLoad(ctx);
  const steps = ctx.quick ? [1, 2] : roomSteps();
  const rows: ResultRow[] = [];
  const notes = [
    `rooms × ${clientsPerRoom}, ${spec.probesPerRoom} probes/room, cursors ${spec.cursorHz} Hz, ${spec.movesPerSec} moves/s, ${spec.durationS} s per step`,
  ];
  for (const server of ctx.servers) {
    let held = 0;
    let stop = `no limit reached up to ${steps.at(-1)} rooms`;
    for (const rooms of steps) {
      let report: LoadReport;
      try {
        // Thousands of clients from this one address: past Atelier's per-address socket caps
        // (docs/security.md), which a real consultancy's participants, each at home, never share.
        report = await loadOnFreshServer(ctx, server, rooms, clientsPerRoom, spec, { SOCKET_LIMITS: 'off' });
      } catch (error) {
        stop = `${rooms} rooms failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        break;
      }
      const limit = limitReached(report);
      rows.push({
        ...loadRow(`${server} ${rooms}×${clientsPerRoom}`, server, report),
        held: limit === null ? 'yes' : 'no',
      });
      ctx.log(`${server} ${rooms} rooms: ${limit ?? 'within limits'}`);
      if (limit !== null) {
        stop = `${rooms} rooms: ${limit}`;
        break;
      }
      held = report.connections;
    }
    notes.push(`${server}: held ${held} connections; stopped at ${stop}`);
  }
  return { rows, notes };
}

/** 5, 10, 20, 40… up to MAX_ROOMS. */
function roomSteps(): number[] {
  const steps: number[] = [];
  for (let rooms = 5; rooms <= MAX_ROOMS; rooms *= 2) steps.push(rooms);
  return steps;
}

/**
 * Which limit a step crossed, generator first (then the server's numbers are not trustworthy).
 * `cores`: how many cores the server's processes may use (a deployment of two processes is
 * saturated at twice one process's CPU, not at one core's).
 */
export function limitReached(report: LoadReport, cores = 1): string | null {
  if (report.disconnected > 0)
    return `generator/server: ${report.disconnected} clients lost their connection`;
  if (report.generatorCpuPct > GENERATOR_CPU_LIMIT_PCT) {
    return `generator saturated (${report.generatorCpuPct.toFixed(0)}% of its core)`;
  }
  if (report.generatorLoopDelayP99Ms > GENERATOR_LAG_LIMIT_MS) {
    // At low generator CPU this is other work on the machine stealing the generator's core.
    return `generator lagging (event loop p99 ${report.generatorLoopDelayP99Ms.toFixed(0)} ms at ${report.generatorCpuPct.toFixed(0)}% CPU: saturated, or the machine is busy)`;
  }
  // Latencies are of what arrived: a server that lost updates has not held the step.
  const delivered = Math.min(report.presence.deliveredRatio ?? 1, report.doc.deliveredRatio ?? 1);
  if (delivered < MIN_DELIVERED) return `only ${(delivered * 100).toFixed(1)}% delivered`;
  const p99 = Math.max(report.presence.each.p99 ?? 0, report.doc.each.p99 ?? 0);
  if (p99 > P99_LIMIT_MS) return `p99 ${p99.toFixed(0)} ms > ${P99_LIMIT_MS} ms`;
  const cpuLimit = CPU_LIMIT_PCT * cores;
  if (report.serverCpuPct > cpuLimit) return `server CPU ${report.serverCpuPct.toFixed(0)}% > ${cpuLimit}%`;
  return null;
}

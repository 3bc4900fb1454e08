/** Scenario 1 of the issue: one workshop of 45 whose cursors all move at 20 Hz. */
import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { loadNotes, loadRow, PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { durationOf, loadOnFreshServer } from '../load/server-run';

export const name = 'presence-storm';
export const description =
  '1 room × 45 clients, cursors at 20 Hz, 60 s measured (targets: ≤ 10% CPU, presence p99 ≤ 40 ms)';
export const columns = [...PRESENCE_COLUMNS, ...SERVER_COLUMNS];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'outKBps'];

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const spec = {
    cursorHz: 20,
    movesPerSec: 0,
    probesPerRoom: ctx.quick ? 3 : 5,
    warmupS: ctx.quick ? 1 : 5,
    durationS: durationOf(ctx, 60),
    drainS: 1,
  };
  const clients = ctx.quick ? 10 : 45;
  const rows: ResultRow[] = [];
  const notes: string[] = [
    `${clients} clients, ${spec.probesPerRoom} probes, cursors ${spec.cursorHz} Hz, ${spec.durationS} s`,
  ];
  for (const server of ctx.servers) {
    const report = await loadOnFreshServer(ctx, server, 1, clients, spec);
    rows.push(loadRow(server, server, report));
    notes.push(...loadNotes(server, report));
  }
  return { rows, notes };
}

/** Scenario 1 of the issue: one workshop of 45 whose cursors all move at 20 Hz. */
import type { ScenarioContext, ScenarioResult } from '../lib/scenario';
import { PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { compareServers, durationOf } from '../load/server-run';

export const name = 'presence-storm';
export const description =
  '1 room × 45 clients, cursors at 20 Hz, 60 s measured (targets: ≤ 10% of a core, presence p99 ≤ 40 ms)';
export const columns = [...PRESENCE_COLUMNS, ...SERVER_COLUMNS];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'outKBps'];

export function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  return compareServers(ctx, 1, ctx.quick ? 10 : 45, {
    cursorHz: 20,
    movesPerSec: 0,
    probesPerRoom: ctx.quick ? 3 : 5,
    warmupS: ctx.quick ? 1 : 5,
    durationS: durationOf(ctx, 60),
    drainS: 1,
  });
}

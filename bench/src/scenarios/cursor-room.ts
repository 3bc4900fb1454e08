/** Issue 19 §7: one workshop of 45 whose cursors all move at 30 Hz (presence-storm is the same room at 20 Hz). */
import type { ScenarioContext, ScenarioResult } from '../lib/scenario';
import { PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { compareServers, durationOf } from '../load/server-run';

export const name = 'cursor-room';
export const description =
  '1 room × 45 clients, cursors at 30 Hz, 60 s measured (issue 19 target: ≤ 5% of a core)';
export const columns = [...PRESENCE_COLUMNS, ...SERVER_COLUMNS];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'outKBps', 'rssPerConnKB'];

export function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  return compareServers(ctx, 1, ctx.quick ? 10 : 45, {
    cursorHz: 30,
    movesPerSec: 0,
    probesPerRoom: ctx.quick ? 3 : 5,
    warmupS: ctx.quick ? 1 : 5,
    durationS: durationOf(ctx, 60),
    drainS: 1,
  });
}

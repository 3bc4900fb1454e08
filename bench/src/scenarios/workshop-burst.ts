/** Scenario 2 of the issue: one workshop of 45, cursors at 20 Hz and 5 note moves/s each. */
import type { ScenarioContext, ScenarioResult } from '../lib/scenario';
import { DOC_COLUMNS, PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { compareServers, durationOf } from '../load/server-run';

export const name = 'workshop-burst';
export const description =
  '1 room × 45, cursors 20 Hz + 5 note moves/s per client, 60 s (target: CPU/msg ≤ 0.5× best peer, ≤ 1.5× relay)';
export const columns = [...PRESENCE_COLUMNS, ...DOC_COLUMNS, ...SERVER_COLUMNS];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'docP99', 'outKBps'];

export function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  return compareServers(ctx, 1, ctx.quick ? 10 : 45, {
    cursorHz: 20,
    movesPerSec: 5,
    probesPerRoom: ctx.quick ? 3 : 5,
    warmupS: ctx.quick ? 1 : 5,
    durationS: durationOf(ctx, 60),
    drainS: 1,
  });
}

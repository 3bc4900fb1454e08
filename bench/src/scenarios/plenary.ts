/**
 * Scenario 4 of the issue: one room of 300 (Miro is smooth to ~300, FigJam caps editors at
 * 200). Rates: cursors at 2 Hz and 0.25 note moves/s per client. Why: in a plenary most
 * people watch and a few act; 2 Hz × 300 is still 600 presence states/s in, 180k/s out if
 * every state went to everyone — the n² the issue warns about — while 20 Hz for all 300
 * (54 M messages/min) is no real session. 0.25 moves/s matches scenario 3's edit rate.
 */
import type { ScenarioContext, ScenarioResult } from '../lib/scenario';
import type { LoadSpec } from '../load/load-spec';
import { DOC_COLUMNS, PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { compareServers, durationOf } from '../load/server-run';

export const name = 'plenary';
export const description =
  '1 room × 300, cursors 2 Hz + 0.25 note moves/s per client, 60 s (target: p99 ≤ 100 ms, 100% delivery)';
export const columns = [...PRESENCE_COLUMNS, ...DOC_COLUMNS, ...SERVER_COLUMNS];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'docP99', 'outKBps'];

export function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  return compareServers(ctx, 1, ctx.quick ? 60 : 300, plenarySpec(ctx));
}

/** The plenary's load per client (plenary-viewers adds viewers to the same). */
export function plenarySpec(ctx: ScenarioContext): LoadSpec {
  return {
    cursorHz: 2,
    movesPerSec: 0.25,
    probesPerRoom: ctx.quick ? 3 : 5,
    warmupS: ctx.quick ? 1 : 5,
    durationS: durationOf(ctx, 60),
    drainS: 2,
    // Atelier past ~60 people sends each client the nearest 25 cursors: probes 0–4 expect 0–25's.
    watchedSenders: 26,
  };
}

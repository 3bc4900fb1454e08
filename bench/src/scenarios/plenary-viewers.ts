/**
 * Issue 19 §7: the plenary (300 people, cursors 2 Hz, 0.25 note moves/s each) with 700
 * read-only viewers in the same room (Atelier: joined as observers), who receive and send
 * nothing. Probes (clients 0–4) expect the cursors of clients 0–25, the nearest 25 to each of
 * them, which Atelier's interest management still sends (docs/contract.md, "Presence"); the
 * peers send them every cursor. Targets: presence p99 ≤ 100 ms within the plenary's budget
 * (≤ 30% of a core), ≤ 25 KB RSS per connection.
 */
import type { ScenarioContext, ScenarioResult } from '../lib/scenario';
import { DOC_COLUMNS, PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { compareServers } from '../load/server-run';
import { plenarySpec } from './plenary';

export const name = 'plenary-viewers';
export const description =
  '1 room × 300 (cursors 2 Hz + 0.25 note moves/s each) + 700 read-only viewers, 60 s (targets: ≤ 30% of a core, p99 ≤ 100 ms, ≤ 25 KB/conn)';
export const columns = [...PRESENCE_COLUMNS, ...DOC_COLUMNS, ...SERVER_COLUMNS];
export const ratioMetrics = ['cpuPct', 'cpuUsPerMsg', 'presP99', 'docP99', 'outKBps', 'rssPerConnKB'];

export function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  return compareServers(
    ctx,
    1,
    ctx.quick ? 100 : 300,
    { ...plenarySpec(ctx), connectConcurrency: 50 },
    ctx.quick ? 200 : 700,
  );
}

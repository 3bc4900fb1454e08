import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import type { ServerName } from '../servers/definitions';
import { startServer } from '../servers/launcher';
import { provisionRooms } from '../servers/provision';
import { type LoadReport, runLoad } from './generator';
import type { LoadSpec } from './load-spec';
import { loadNotes, loadRow } from './report-row';

/** Starts a fresh server, provisions the rooms, runs one load on it, stops it. */
export async function loadOnFreshServer(
  ctx: ScenarioContext,
  serverName: ServerName,
  rooms: number,
  clientsPerRoom: number,
  spec: LoadSpec,
  /** Extra environment of the server (peers ignore what they do not read). */
  env?: Record<string, string>,
  /** Read-only viewers per room on top of `clientsPerRoom` (they send nothing). */
  viewersPerRoom = 0,
): Promise<LoadReport> {
  const server = await startServer(serverName, env ? { env } : {});
  try {
    const provisioned = await provisionRooms(server, rooms, clientsPerRoom, viewersPerRoom);
    return await runLoad(server, provisioned, spec, ctx.log);
  } finally {
    await server.stop();
  }
}

/** The scenario's measured seconds: `--duration` wins, `--quick` shortens, else the value. */
export function durationOf(ctx: ScenarioContext, full: number, quick = 5): number {
  return ctx.durationS ?? (ctx.quick ? quick : full);
}

/** The same load on each server of the run, one fresh server after the other: one row per server. */
export async function compareServers(
  ctx: ScenarioContext,
  rooms: number,
  clientsPerRoom: number,
  spec: LoadSpec,
  viewersPerRoom = 0,
): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  const viewers = viewersPerRoom > 0 ? ` + ${viewersPerRoom} read-only viewers` : '';
  const watched =
    spec.watchedSenders === undefined
      ? ''
      : `, probes expect the cursors of clients 0–${spec.watchedSenders - 1}`;
  const notes = [
    `${rooms} room(s) × ${clientsPerRoom} clients${viewers} (${spec.probesPerRoom} probes/room), cursors ${spec.cursorHz} Hz, ` +
      `${spec.movesPerSec} note moves/s per client, ${spec.warmupS} s warmup, ${spec.durationS} s measured${watched}`,
  ];
  for (const server of ctx.servers) {
    const report = await loadOnFreshServer(
      ctx,
      server,
      rooms,
      clientsPerRoom,
      spec,
      undefined,
      viewersPerRoom,
    );
    rows.push(loadRow(server, server, report));
    notes.push(...loadNotes(server, report));
  }
  return { rows, notes };
}

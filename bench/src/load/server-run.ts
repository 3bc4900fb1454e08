import type { ScenarioContext } from '../lib/scenario';
import type { ServerName } from '../servers/definitions';
import { startServer } from '../servers/launcher';
import { provisionRooms } from '../servers/provision';
import { type LoadReport, runLoad } from './generator';
import type { LoadSpec } from './load-spec';

/** Starts a fresh server, provisions the rooms, runs one load on it, stops it. */
export async function loadOnFreshServer(
  ctx: ScenarioContext,
  serverName: ServerName,
  rooms: number,
  clientsPerRoom: number,
  spec: LoadSpec,
): Promise<LoadReport> {
  const server = await startServer(serverName);
  try {
    const provisioned = await provisionRooms(server, rooms, clientsPerRoom);
    return await runLoad(server, provisioned, spec, ctx.log);
  } finally {
    await server.stop();
  }
}

/** The scenario's measured seconds: `--duration` wins, `--quick` shortens, else the value. */
export function durationOf(ctx: ScenarioContext, full: number, quick = 5): number {
  return ctx.durationS ?? (ctx.quick ? quick : full);
}

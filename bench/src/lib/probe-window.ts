import { type LoadReport, runLoad } from '../load/generator';
import type { LoadSpec } from '../load/load-spec';
import type { BenchServer, RoomInfo } from '../servers';
import { now } from './clock';
import type { ScenarioContext } from './scenario';

/** Presence-only probe clients in a room: their p99 says whether heavy work elsewhere stalls the loop. */
export const PROBE_CLIENTS = 10;
export const PROBE_SPEC: Omit<LoadSpec, 'durationS'> = {
  cursorHz: 20,
  movesPerSec: 0,
  probesPerRoom: PROBE_CLIENTS,
  warmupS: 2,
  drainS: 1,
};

/**
 * Starts the probe room's load for `windowS` seconds and resolves once the generator has said
 * when its timeline starts, with the epoch ms its measured window opens (`warmupS` later).
 */
export async function openProbeWindow(
  ctx: ScenarioContext,
  server: BenchServer,
  probes: RoomInfo,
  windowS: number,
): Promise<{ load: Promise<LoadReport>; opensAt: number }> {
  let opensAt: number | undefined;
  let signal = () => {};
  const started = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const load = runLoad(server, [probes], { ...PROBE_SPEC, durationS: windowS }, (message) => {
    ctx.log(message);
    if (opensAt === undefined && message.includes('load on')) {
      opensAt = now() + 300 + PROBE_SPEC.warmupS * 1000;
      signal();
    }
  });
  load.catch(() => signal());
  await started;
  if (opensAt === undefined) {
    await load;
    throw new Error(`${server.name}: the probe room did not start`);
  }
  return { load, opensAt };
}

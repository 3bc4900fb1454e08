/**
 * Loaded with `--import` into every server under test. It adds no work to the server's own
 * code path: an event-loop delay histogram (a libuv timer) and an IPC handler that answers the
 * harness's stats requests. When the harness goes away the server goes too (no orphans).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerStats, StatsReply, StatsRequest } from './stats';

/** The histogram records the time between its 10 ms samples: the stall is what exceeds 10 ms. */
const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();

process.on('message', (message: StatsRequest) => {
  if (message?.type !== 'bench:stats') return;
  const memory = process.memoryUsage();
  const stats: ServerStats = {
    eldP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
    eldMaxMs: Math.max(0, delay.max / 1e6 - RESOLUTION_MS),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
  };
  if (message.reset) delay.reset();
  const reply: StatsReply = { type: 'bench:stats', id: message.id, stats };
  process.send?.(reply);
});

process.on('disconnect', () => process.exit(1));

/**
 * Loaded with `--import` into every server under test. It adds no work to the server's own
 * code path: an event-loop delay histogram (a libuv timer) and an IPC handler that answers the
 * harness's stats requests. When the harness goes away the server goes too (no orphans).
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
// The server's own full collection (two node built-ins, nothing else of the server is loaded).
import { fullGc } from '@atelier/server/memory/full-gc';
import type { ServerStats, StatsReply, StatsRequest } from './stats';

/** The histogram records the time between its 10 ms samples: the stall is what exceeds 10 ms. */
const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();

process.on('message', (message: StatsRequest) => {
  if (message?.type !== 'bench:stats') return;
  if (message.collect) collectGarbage();
  const memory = process.memoryUsage();
  const stats: ServerStats = {
    eldP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
    eldMaxMs: Math.max(0, delay.max / 1e6 - RESOLUTION_MS),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    memory: {
      heapTotal: memory.heapTotal,
      newSpace: getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
      arrayBuffers: memory.arrayBuffers,
      mallocHeap: mallocHeapSize(),
      allocator: ALLOCATOR,
    },
  };
  if (message.reset) delay.reset();
  const reply: StatsReply = { type: 'bench:stats', id: message.id, stats };
  process.send?.(reply);
});

/** jemalloc when LD_PRELOAD put it in the process (a path that does not load is ignored by ld.so). */
const ALLOCATOR = (() => {
  try {
    return readFileSync('/proc/self/maps', 'utf8').includes('libjemalloc') ? 'jemalloc' : 'glibc';
  } catch {
    return 'glibc';
  }
})();

let gc: (() => void) | null = null;
/** A full GC, as the server runs it after a wave; `--expose-gc` is set at the first one only. */
function collectGarbage(): void {
  gc ??= fullGc();
  gc();
}

/** The resident size of glibc's main heap (`[heap]` in /proc/self/smaps; 0 off Linux or with another malloc). */
function mallocHeapSize(): number {
  try {
    const smaps = readFileSync('/proc/self/smaps', 'utf8');
    const at = smaps.indexOf('[heap]\n');
    const rss = at < 0 ? null : /\nRss:\s+(\d+) kB/.exec(smaps.slice(at, at + 400));
    return rss?.[1] ? Number(rss[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

process.on('disconnect', () => process.exit(1));

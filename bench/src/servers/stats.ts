/** What a server process reports about itself over IPC (see preload.ts). */
export interface ServerStats {
  /** p99 of the event-loop delay since the last reset, ms. */
  eldP99Ms: number;
  /** Longest event-loop stall since the last reset, ms. */
  eldMaxMs: number;
  rss: number;
  heapUsed: number;
  /** Where the resident memory sits, to tell V8's grown heap from malloc's (bytes). */
  memory: {
    /** V8's heap as committed (what it holds from the system, used or not). */
    heapTotal: number;
    /** The young generation's committed size: it grows with the allocation rate. */
    newSpace: number;
    /** Buffers and ArrayBuffers outside the V8 heap (malloc'd). */
    arrayBuffers: number;
    /** glibc's main heap, resident (`[heap]` in /proc/self/smaps), 0 where there is none. */
    mallocHeap: number;
    /** The allocator malloc resolves to: `jemalloc` when preloaded, else `glibc`. */
    allocator: 'jemalloc' | 'glibc';
  };
}

export interface StatsRequest {
  type: 'bench:stats';
  id: number;
  /** Start a new event-loop delay window after answering. */
  reset: boolean;
  /** Run a full garbage collection before measuring: the heap's floor, not a point in its cycle. */
  collect?: boolean;
}

export interface StatsReply {
  type: 'bench:stats';
  id: number;
  stats: ServerStats;
}

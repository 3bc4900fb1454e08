/** What a server process reports about itself over IPC (see preload.ts). */
export interface ServerStats {
  /** p99 of the event-loop delay since the last reset, ms. */
  eldP99Ms: number;
  /** Longest event-loop stall since the last reset, ms. */
  eldMaxMs: number;
  rss: number;
  heapUsed: number;
}

export interface StatsRequest {
  type: 'bench:stats';
  id: number;
  /** Start a new event-loop delay window after answering. */
  reset: boolean;
}

export interface StatsReply {
  type: 'bench:stats';
  id: number;
  stats: ServerStats;
}

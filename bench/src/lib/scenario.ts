import type { ServerName } from '../servers/definitions';

/** What run.ts hands every scenario (one call per repetition). */
export interface ScenarioContext {
  /** Servers to compare, in the order given (default: atelier, ywss, hocuspocus, relay). */
  servers: ServerName[];
  /** 1-based repetition number and the total. */
  rep: number;
  reps: number;
  /** `--duration <s>`: overrides the scenario's measured duration (smoke runs). */
  durationS: number | undefined;
  /** `--quick`: tiny sizes and durations, for a smoke check. */
  quick: boolean;
  /** Progress lines (stderr), so stdout keeps only the tables. */
  log(message: string): void;
}

/** One line of a result table: `key` identifies it across repetitions (e.g. server, or server + step). */
export interface ResultRow {
  key: string;
  server: ServerName;
  [metric: string]: number | string | boolean | null;
}

export interface ScenarioResult {
  rows: ResultRow[];
  /** Anything the table cannot say (which limit stopped a step-up, warnings). */
  notes?: string[];
  /** Extra raw data written to the JSON results. */
  raw?: unknown;
}

export interface Column {
  key: string;
  label: string;
  /** Digits after the point (numbers); default 1. */
  digits?: number;
}

export interface Scenario {
  name: string;
  description: string;
  /** Table columns (after the key); all numeric metrics when absent. */
  columns?: Column[];
  /** Metrics for which run.ts prints Atelier/best peer and Atelier/relay ratios (lower is better). */
  ratioMetrics?: string[];
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

/** Order statistics of small samples (frame times, repetitions): exact, no histogram needed. */

/** The p-th percentile (0–100) by nearest rank; NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median of each numeric field over repetitions (fields absent or non-numeric are skipped). */
export function medianOf<T extends object>(runs: readonly T[]): Partial<Record<keyof T, number>> {
  const out: Partial<Record<keyof T, number>> = {};
  const first = runs[0];
  if (!first) return out;
  for (const key of Object.keys(first) as (keyof T)[]) {
    const values = runs.map((run) => run[key]).filter((v): v is T[keyof T] & number => typeof v === 'number');
    if (values.length === runs.length) out[key] = median(values);
  }
  return out;
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Counters of a set of processes that changes while it is measured: a server and the workers it
 * forks (`WORKERS=n`), or PostgreSQL's backends (one forked per connection) and Redis. A sample
 * is each process's cumulative counter (CPU seconds, bytes written) at one instant; the cost of
 * a window is what the processes alive at its end added since its start.
 */
export type CounterSample = ReadonlyMap<number, number>;

export interface CounterDelta {
  /** What the processes added over the window (a process born in it: all of its counter). */
  total: number;
  /** Processes seen at the start and gone at the end: what they spent in the window is lost. */
  vanished: number;
}

/**
 * The window's total from two samples. A pid absent from `before` was born in the window and
 * counts whole; a counter that went down is a reused pid (a new process), also counted whole.
 */
export function counterDelta(before: CounterSample, after: CounterSample): CounterDelta {
  let total = 0;
  for (const [pid, value] of after) {
    const start = before.get(pid);
    total += start === undefined || value < start ? value : value - start;
  }
  let vanished = 0;
  for (const pid of before.keys()) if (!after.has(pid)) vanished++;
  return { total, vanished };
}

/** A process's pid and its descendants' (children first found in /proc/<pid>/task/<tid>/children). */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    tree.push(next);
    queue.push(...childrenOf(next));
  }
  return tree;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      parseChildren(readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')),
    );
  } catch {
    return [];
  }
}

/** `/proc/<pid>/task/<tid>/children`: space-separated pids. */
export function parseChildren(text: string): number[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Pids of every process whose command name is exactly `name` (`pgrep -x`); none when pgrep finds none. */
export function pidsNamed(name: string): number[] {
  try {
    return parseChildren(execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }));
  } catch {
    return [];
  }
}

/** One counter of each pid, read now; a pid gone meanwhile is left out. */
export function sampleCounter(
  pids: readonly number[],
  read: (pid: number) => number | null,
): Map<number, number> {
  const sample = new Map<number, number>();
  for (const pid of pids) {
    const value = read(pid);
    if (value !== null) sample.set(pid, value);
  }
  return sample;
}

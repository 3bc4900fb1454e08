import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Per-process counters read from /proc (Linux): what a server costs, measured from outside
 * so every server under test is measured the same way. Each returns 0 once the process is gone.
 */

/** User + system CPU seconds the process has used so far (/proc/<pid>/stat utime + stime). */
export function processCpuSeconds(pid: number): number {
  return readCpuSeconds(pid) ?? 0;
}

/** As processCpuSeconds, null once the process is gone (or unreadable). */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: fields are counted after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks();
  } catch {
    return null;
  }
}

/** Bytes the process caused to be written to storage (/proc/<pid>/io write_bytes). */
export function processDiskWriteBytes(pid: number): number {
  return readDiskWriteBytes(pid) ?? 0;
}

/** As processDiskWriteBytes, null once the process is gone (or unreadable). */
export function readDiskWriteBytes(pid: number): number | null {
  try {
    const match = /^write_bytes:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** RSS of a process, from /proc (what `ps` and the numbers report). */
export function processRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The lowest of samples taken over 8 s once the process has been still for 2 s: V8's idle
 * collections (its memory reducer) run in that window, so the lowest sample is the live
 * memory rather than wherever the last allocation burst left the heap.
 */
export async function settledRss(pid: number): Promise<number> {
  const samples: number[] = [];
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (let i = 0; i < 16; i++) {
    samples.push(processRssBytes(pid));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Math.min(...samples);
}

let tasksetAvailable: boolean | undefined;

/** Whether `taskset` exists and the machine has at least two cores to split. */
export function canPin(cores: number): boolean {
  if (tasksetAvailable === undefined) {
    try {
      execFileSync('taskset', ['-V'], { stdio: 'ignore' });
      tasksetAvailable = true;
    } catch {
      tasksetAvailable = false;
    }
  }
  return tasksetAvailable && cores >= 2;
}

/** Pins every thread of a running process (and the threads it creates later) to one core. */
export function pinProcess(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let ticks: number | undefined;

/** Clock ticks per second of /proc CPU counters (`getconf CLK_TCK`, almost always 100). */
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

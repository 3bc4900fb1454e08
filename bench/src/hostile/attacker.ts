/**
 * Starts an attack job in its own Node process (attacker-main.ts). The process inherits the
 * harness's core (the generator core when pinned) and runs at a lower priority (nice 10): the
 * honest room's clients are the measuring instrument and must not wait behind the flood's
 * loops; the server's core is not touched either way.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { processCpuSeconds } from '../lib/proc';
import type { MalformedFlood } from './attacks';
import type { EdgesSpec } from './edges';

export type AttackJob = { type: 'flood'; spec: MalformedFlood } | { type: 'edges'; spec: EdgesSpec };

export interface FloodResult {
  frames: number;
  connections: number;
  outcomes: Record<string, number>;
  byKind: Record<string, number>;
}

export type FromAttacker =
  | { type: 'log'; message: string }
  | { type: 'result'; result: FloodResult | string[] }
  | { type: 'error'; message: string };

const MAIN = new URL('./attacker-main.ts', import.meta.url).pathname;
const NICE = 10;

export interface Attacker<T> {
  result: Promise<T>;
  /** CPU seconds the attacker process has used so far. */
  cpuSeconds(): number;
}

export function startAttacker(
  job: { type: 'flood'; spec: MalformedFlood },
  log: (m: string) => void,
): Attacker<FloodResult>;
export function startAttacker(
  job: { type: 'edges'; spec: EdgesSpec },
  log: (m: string) => void,
): Attacker<string[]>;
export function startAttacker(job: AttackJob, log: (m: string) => void): Attacker<FloodResult | string[]> {
  const child = fork(MAIN, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let cpu = 0;
  const pid = child.pid ?? 0;
  const sample = () => {
    if (pid > 0 && child.exitCode === null) cpu = processCpuSeconds(pid) || cpu;
    return cpu;
  };
  if (pid > 0) setPriority(pid, NICE);
  const result = new Promise<FloodResult | string[]>((resolve, reject) => {
    child.on('message', (message: FromAttacker) => {
      if (message.type === 'log') log(message.message);
      else if (message.type === 'error') reject(new Error(`attacker (${job.type}): ${message.message}`));
      else {
        sample();
        resolve(message.result);
      }
    });
    child.once('exit', (code) => reject(new Error(`attacker (${job.type}) exited with ${code}`)));
    child.send(job);
  }).finally(() => child.kill());
  return { result, cpuSeconds: sample };
}

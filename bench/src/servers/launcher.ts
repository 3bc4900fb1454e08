import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@atelier/testing';
import { freePort } from '../lib/free-port';
import { REPO_ROOT } from '../lib/paths';
import { canPin, processCpuSeconds, processDiskWriteBytes } from '../lib/proc';
import { SERVERS, type ServerName } from './definitions';
import type { ServerStats, StatsReply, StatsRequest } from './stats';

/** The core servers run on when the machine has two or more (the load generator takes core 1). */
export const SERVER_CORE = 0;

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STATS_TIMEOUT_MS = 20_000;
const PRELOAD = path.join(path.dirname(new URL(import.meta.url).pathname), 'preload.ts');
/** Variables of the harness's own environment a server must not inherit. */
const SCRUBBED_ENV = /^(NODE_OPTIONS|PORT|HOST|DATA_DIR|LOG_LEVEL|YPERSISTENCE|VITEST.*)$/;

export interface StartOptions {
  /** Reuse a data directory (restarts, preloaded boards); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Extra environment (e.g. COMPACT_EVERY for atelier, YPERSISTENCE for ywss). */
  env?: Record<string, string>;
  /** The cores to pin to, as taskset's list (`1`, `0,1`): several nodes share the machine. Default SERVER_CORE. */
  cores?: string;
}

export interface BenchServer {
  name: ServerName;
  /** Exact versions of what runs. */
  version: string;
  /** WebSocket base of the rooms: `${url}/${room}` is a room's socket (atelier: `ws://…/sync`). */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  httpUrl: string;
  port: number;
  dataDir: string;
  /** Pid of the current process (changes on restart). */
  readonly pid: number;
  /** Whether the server was pinned to SERVER_CORE. */
  pinned: boolean;
  /** Event-loop delay, RSS and heap, asked over IPC; `reset` starts a new delay window. */
  /** `reset` starts a new event-loop delay window; `collect` runs a full GC first (a memory floor). */
  stats(reset?: boolean, collect?: boolean): Promise<ServerStats>;
  /** CPU seconds (user + system) of the current process so far. */
  cpuSeconds(): number;
  /** Bytes the current process has written to storage so far. */
  diskWriteBytes(): number;
  /** Last output lines (stdout + stderr), for error messages. */
  readonly logs: string;
  /** Sends a signal (default SIGKILL, a crash) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** A new process on the same data dir and port; stops the running one first (SIGTERM). */
  restart(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s), then removes the data dir when the launcher created it. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every server still running: for exit handlers, so no child outlives the harness. */
export function killAllServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * A server's Node flags: its own (as deployed), then BENCH_SERVER_NODE_ARGS, extra flags for the
 * servers only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), after them so that they override
 * them (`--max-semi-space-size=16` measures V8's default young generation).
 */
export function serverNodeFlags(own: readonly string[]): string[] {
  return [...own, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])];
}

/** Starts one server under test as a child process (pinned to core 0 when possible). */
export async function startServer(name: ServerName, options: StartOptions = {}): Promise<BenchServer> {
  const definition = SERVERS[name];
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), `bench-${name}-`)));
  const port = await freePort();
  const httpUrl = `http://127.0.0.1:${port}`;
  const pinned = canPin(cpus().length);

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let logs = '';
  let nextRequestId = 1;
  const pending = new Map<number, (stats: ServerStats) => void>();

  const launch = async (): Promise<void> => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !SCRUBBED_ENV.test(key)) env[key] = value;
    }
    Object.assign(env, definition.env(port, dataDir), options.env);
    // BENCH_SERVER_ENV: extra environment for the servers only, e.g. `MALLOC_ARENA_MAX=2 LD_PRELOAD=…`.
    for (const pair of process.env.BENCH_SERVER_ENV?.split(/\s+/).filter(Boolean) ?? []) {
      const at = pair.indexOf('=');
      if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const nodeArgs = [
      ...serverNodeFlags(definition.nodeFlags?.() ?? []),
      '--import',
      'tsx',
      '--import',
      PRELOAD,
      ...definition.entry(),
    ];
    const [command, args] = pinned
      ? ['taskset', ['-c', options.cores ?? String(SERVER_CORE), process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    const proc = spawn(command, args as string[], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child = proc;
    running.add(proc);
    // Always drain the pipes: a full pipe would block the server.
    const keep = (chunk: Buffer) => {
      logs = (logs + chunk.toString('utf8')).slice(-20_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    proc.on('message', (message: StatsReply) => {
      if (message?.type !== 'bench:stats') return;
      pending.get(message.id)?.(message.stats);
      pending.delete(message.id);
    });
    exited = new Promise((resolve) =>
      proc.once('exit', () => {
        running.delete(proc);
        resolve();
      }),
    );
    let gone = false;
    void exited.then(() => {
      gone = true;
    });
    await waitFor(
      async () => {
        if (gone) throw new Error(`${name} exited while starting. Output:\n${logs}`);
        const response = await fetch(`${httpUrl}${definition.healthPath}`);
        await response.arrayBuffer();
        return response.ok;
      },
      `${name} to answer ${httpUrl}${definition.healthPath}`,
      START_TIMEOUT_MS,
    ).catch((error: unknown) => {
      proc.kill('SIGKILL');
      throw error instanceof Error && gone
        ? new Error(`${name} exited while starting. Output:\n${logs}`)
        : error;
    });
  };

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child?.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  await launch();

  return {
    name,
    version: definition.version(),
    url: `ws://127.0.0.1:${port}${definition.syncPath}`,
    httpUrl,
    port,
    dataDir,
    pinned,
    get pid() {
      return child?.pid ?? -1;
    },
    get logs() {
      return logs;
    },
    stats(reset = false, collect = false) {
      const proc = child;
      if (!proc?.connected) return Promise.reject(new Error(`${name} is not running`));
      const id = nextRequestId++;
      return new Promise<ServerStats>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name} did not answer a stats request within ${STATS_TIMEOUT_MS} ms`));
        }, STATS_TIMEOUT_MS);
        pending.set(id, (stats) => {
          clearTimeout(timer);
          resolve(stats);
        });
        const request: StatsRequest = { type: 'bench:stats', id, reset, collect };
        proc.send(request);
      });
    },
    cpuSeconds: () => (child?.pid ? processCpuSeconds(child.pid) : 0),
    diskWriteBytes: () => (child?.pid ? processDiskWriteBytes(child.pid) : 0),
    kill,
    async restart() {
      await kill('SIGTERM');
      await launch();
    },
    async stop() {
      await kill('SIGTERM');
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

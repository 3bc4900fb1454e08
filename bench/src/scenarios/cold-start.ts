/**
 * What running the server from compiled JavaScript saves over the TypeScript loader: the time
 * from spawning the process to its first 200 on /healthz (what systemd's restart and an
 * upgrade cost participants), and its idle RSS, for `node server/dist/main.js` (`npm start`,
 * atelier.service) and `node --import tsx server/src/main.ts` (tests, `npm run dev`). Run it
 * with `--no-pin`: pinned, the server would share the load generator's one core with the poller.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer, serverBuildIsStale, serverEntry } from '@atelier/testing';
import { freePort } from '../lib/free-port';
import { REPO_ROOT } from '../lib/paths';
import { processCpuSeconds, settledRss } from '../lib/proc';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';

export const name = 'cold-start';
export const description =
  'the server from spawn to its first 200 on /healthz, and idle RSS: compiled (node server/dist/main.js) vs the tsx loader';
export const columns: Column[] = [
  { key: 'healthyMs', label: 'spawn → 200 /healthz ms', digits: 0 },
  { key: 'startCpuMs', label: 'CPU ms until then', digits: 0 },
  { key: 'idleMiB', label: 'idle RSS MiB', digits: 1 },
];

const VARIANTS = [
  { key: 'compiled: node server/dist/main.js', args: [serverEntry] },
  { key: 'tsx: node --import tsx server/src/main.ts', args: ['--import', 'tsx', 'server/src/main.ts'] },
] as const;

/** One GET /healthz: its status, or 0 when nothing listens yet. */
function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', () => resolve(0));
  });
}

/** Spawns a variant on a fresh data directory; resolves with the ms to the first 200 on /healthz. */
async function coldStart(
  args: readonly string[],
  dataDir: string,
): Promise<{ child: ChildProcess; healthyMs: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_OPTIONS;
  delete env.PUBLIC_URL;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // Polled every 5 ms (a refused connection returns at once): fine enough, and the poller
  // leaves the CPU to the starting server rather than spinning beside it.
  for (;;) {
    if (exited) throw new Error(`${args.join(' ')} exited before answering /healthz`);
    if ((await healthz(port)) === 200) return { child, healthyMs: performance.now() - started };
    if (performance.now() - started > 30_000)
      throw new Error(`${args.join(' ')}: no 200 on /healthz in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exit;
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  if (serverBuildIsStale()) {
    ctx.log('compiling the server (child process)');
    buildServer();
  }
  const rows: ResultRow[] = [];
  for (const variant of VARIANTS) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-cold-start-'));
    try {
      // Once unmeasured, so both read warm files (page cache, tsx's transform cache): what a
      // restart on a running machine costs, not the first start after a boot or an upgrade.
      await stop((await coldStart(variant.args, path.join(dataDir, 'warmup'))).child);
      const { child, healthyMs } = await coldStart(variant.args, path.join(dataDir, 'measured'));
      // The CPU it took (all its threads), which other load on the machine inflates less than the wall time.
      const startCpuMs = processCpuSeconds(child.pid ?? 0) * 1000;
      try {
        const idle = await settledRss(child.pid ?? 0);
        ctx.log(`${variant.key}: ${healthyMs.toFixed(0)} ms, idle ${(idle / 2 ** 20).toFixed(1)} MiB`);
        rows.push({ key: variant.key, server: 'atelier', healthyMs, startCpuMs, idleMiB: idle / 2 ** 20 });
      } finally {
        await stop(child);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return { rows };
}

/**
 * What the server costs a machine, and what it costs the venue's Wi-Fi: Atelier started as
 * `npm start` starts it (builds in child processes, then `node server/dist/main.js`), its RSS
 * idle and per extra y-websocket connection in one room (RSS and V8 heap used, each read after
 * full collections), and the bytes a participant downloads on first load, compressed
 * (Accept-Encoding: br, gzip) and not.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '@atelier/server/runtime/node-flags';
import { roomName } from '@atelier/shared';
import {
  buildClient,
  buildServer,
  clientBuildIsStale,
  serverBuildIsStale,
  serverEntry,
  waitFor,
} from '@atelier/testing';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { REPO_ROOT } from '../lib/paths';
import { settledRss } from '../lib/proc';
import type { Column, ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { serverNodeFlags } from '../servers/launcher';

export const name = 'footprint';
export const description =
  'npm start’s server: RSS idle and per extra connection (one room), bytes of a participant’s first load';
export const columns: Column[] = [
  { key: 'idleMiB', label: 'idle RSS MiB', digits: 1 },
  { key: 'oneRoomMiB', label: 'RSS 1 conn MiB', digits: 1 },
  { key: 'fullMiB', label: 'RSS N conn MiB', digits: 1 },
  { key: 'connections', label: 'N', digits: 0 },
  { key: 'perConnKiB', label: 'KiB / extra conn', digits: 1 },
  { key: 'heapPerConnKiB', label: 'heap KiB / extra conn', digits: 1 },
  { key: 'firstLoadKiB', label: 'first load KiB (br/gzip)', digits: 0 },
  { key: 'firstLoadRawKiB', label: 'first load KiB (none)', digits: 0 },
  { key: 'room45MiB', label: '45 people MiB (br/gzip)', digits: 1 },
  { key: 'room45RawMiB', label: '45 people MiB (none)', digits: 1 },
];

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Bytes of a GET's body as it travelled (not decompressed). */
function wireBytes(url: string, acceptEncoding: string | null): Promise<{ bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode}`));
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.byteLength, body });
      });
    })
      .on('error', reject)
      .end();
  });
}

/**
 * index.html and every script and style of the build: a participant has loaded all of them
 * once the board is open (the board's chunk and the sync worker load after the join page).
 */
async function firstLoad(httpUrl: string, acceptEncoding: string | null): Promise<number> {
  const assets = readdirSync(path.join(REPO_ROOT, 'client/dist/assets')).filter((f) => /\.(js|css)$/.test(f));
  let total = (await wireBytes(`${httpUrl}/`, acceptEncoding)).bytes;
  for (const asset of assets) total += (await wireBytes(`${httpUrl}/assets/${asset}`, acceptEncoding)).bytes;
  return total;
}

async function postJson(url: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

const COLLECT_PRELOAD = path.join(REPO_ROOT, 'bench/src/servers/collect-preload.mjs');

/**
 * Starts `node server/dist/main.js` as `npm start` does after its builds (its Node flags too), plus a small preload
 * (collect-preload.mjs) that collects garbage when asked over IPC; resolves once listening.
 */
async function startBuiltServer(dataDir: string): Promise<{ child: ChildProcess; httpUrl: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  delete env.NODE_OPTIONS;
  delete env.PUBLIC_URL;
  // BENCH_SERVER_ENV, as for the other scenarios' servers: e.g. `LD_PRELOAD=libjemalloc.so.2` as
  // deploy/atelier.service runs it.
  for (const pair of process.env.BENCH_SERVER_ENV?.split(/\s+/).filter(Boolean) ?? []) {
    const at = pair.indexOf('=');
    if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  // The Node flags `npm start` passes, then BENCH_SERVER_NODE_ARGS (which can override them).
  const flags = serverNodeFlags(SERVER_NODE_FLAGS);
  const child = spawn(process.execPath, [...flags, '--import', COLLECT_PRELOAD, serverEntry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const httpUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"listening"/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${seen}`)));
  });
  // Keep reading its output so that the pipe never fills.
  child.stdout?.resume();
  return { child, httpUrl };
}

let nextCollect = 1;

/** Two full collections in the server, then its memory as Node sees it. */
function collect(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  const id = nextCollect++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not answer a collect request')), 30_000);
    const onMessage = (message: { type?: string; id?: number; memory?: NodeJS.MemoryUsage }) => {
      if (message?.type !== 'bench:collect' || message.id !== id || !message.memory) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.memory);
    };
    child.on('message', onMessage);
    child.send({ type: 'bench:collect', id });
  });
}

/** RSS once the server has collected its garbage (then settled, see settledRss) and the heap it uses. */
async function reading(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  const { heapUsed } = await collect(child);
  return { rss: await settledRss(child.pid ?? 0), heapUsed };
}

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  if (clientBuildIsStale()) {
    ctx.log('building the client (child process)');
    buildClient();
  }
  if (serverBuildIsStale()) {
    ctx.log('compiling the server (child process)');
    buildServer();
  }
  // At most SOCKETS_PER_ADDRESS (1000): every client comes from 127.0.0.1.
  const connections = ctx.quick ? 20 : 1000;
  const steps = 10;
  // Each stock provider listens to the process's exit.
  process.setMaxListeners(connections + 20);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-footprint-'));
  const { child, httpUrl } = await startBuiltServer(dataDir);
  const providers: WebsocketProvider[] = [];
  try {
    const { rss: idle } = await reading(child);
    ctx.log(`idle ${(idle / 2 ** 20).toFixed(1)} MiB`);

    const firstLoadBytes = await firstLoad(httpUrl, 'br, gzip');
    const firstLoadRawBytes = await firstLoad(httpUrl, null);

    const workshop = await postJson(`${httpUrl}/api/workshops`, {
      title: 'Footprint',
      territory: { name: 'Bench', kind: 'epci' },
      locale: 'fr',
    });
    // Joining acknowledges the privacy notice the join page shows.
    const preview = (await (await fetch(`${httpUrl}/api/join/${workshop.joinCode}`)).json()) as {
      privacy: { version: string };
    };
    const tokens: string[] = [];
    for (let i = 0; i < connections; i++) {
      const joined = await postJson(`${httpUrl}/api/join`, {
        code: workshop.joinCode,
        name: `P${i}`,
        group: 'resident',
        noticeVersion: preview.privacy.version,
      });
      tokens.push(joined.token ?? '');
    }
    const room = roomName(workshop.id ?? '', 'board');
    const wsUrl = `${httpUrl.replace(/^http/, 'ws')}/sync`;
    const connect = (token: string) => {
      const provider = new WebsocketProvider(wsUrl, room, new Y.Doc(), {
        params: { token },
        disableBc: true,
        // biome-ignore lint/suspicious/noExplicitAny: the provider is typed against the DOM WebSocket
        WebSocketPolyfill: WebSocket as any,
      });
      providers.push(provider);
      return provider;
    };

    // The first connection loads the room; what follows is what each extra person costs.
    const first = connect(tokens[0] ?? '');
    await waitFor(() => first.synced, 'the first connection to sync', 20_000);
    const one = await reading(child);
    const oneRoom = one.rss;
    // Connections join in batches up to `connections`; the slope of RSS over the count is the
    // cost of one, which no single difference of two readings gives reliably. Each reading
    // follows full collections, so the heap's place in its cycle does not move it by MiBs.
    const points: [number, number][] = [[1, oneRoom]];
    const heapPoints: [number, number][] = [[1, one.heapUsed]];
    for (let step = 1; step <= steps; step++) {
      const upTo = Math.round((connections * step) / steps);
      for (const token of tokens.slice(providers.length, upTo)) connect(token);
      await waitFor(
        () => providers.every((p) => p.synced),
        `${providers.length} connections to sync`,
        120_000,
      );
      const at = await reading(child);
      points.push([providers.length, at.rss]);
      heapPoints.push([providers.length, at.heapUsed]);
    }
    const full = points[points.length - 1]?.[1] ?? oneRoom;
    // The one-connection reading still holds what the 1,000 joins (HTTP) just took, given back
    // later: the slopes are fitted from the first batch on.
    const perConn = slope(points.slice(1));
    const heapPerConn = slope(heapPoints.slice(1));
    ctx.log(`${connections} connections: ${(full / 2 ** 20).toFixed(1)} MiB`);

    const preload = /(?:^|\s)(LD_PRELOAD=\S+)/.exec(process.env.BENCH_SERVER_ENV ?? '')?.[1];
    const row: ResultRow = {
      key: `atelier (node server/dist/main.js${preload ? `, ${preload}` : ''})`,
      server: 'atelier',
      idleMiB: idle / 2 ** 20,
      oneRoomMiB: oneRoom / 2 ** 20,
      fullMiB: full / 2 ** 20,
      connections,
      perConnKiB: perConn / 1024,
      heapPerConnKiB: heapPerConn / 1024,
      firstLoadKiB: firstLoadBytes / 1024,
      firstLoadRawKiB: firstLoadRawBytes / 1024,
      room45MiB: (45 * firstLoadBytes) / 2 ** 20,
      room45RawMiB: (45 * firstLoadRawBytes) / 2 ** 20,
    };
    return {
      rows: [row],
      raw: { rssByConnections: points, heapUsedByConnections: heapPoints },
      notes: [
        `RSS by connections: ${points.map(([x, y]) => `${x}: ${(y / 2 ** 20).toFixed(1)} MiB`).join(', ')}`,
        `heap used by connections: ${heapPoints.map(([x, y]) => `${x}: ${(y / 2 ** 20).toFixed(1)} MiB`).join(', ')}`,
        `targets: idle RSS < 120 MiB (${idle / 2 ** 20 < 120 ? 'met' : 'missed'}), ≤ 25 KB RSS per connection (issue 19: ${perConn <= 25_000 ? 'met' : 'missed'})`,
      ],
    };
  } finally {
    for (const provider of providers) provider.destroy();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

import { readdir, stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
  waitFor,
} from '@atelier/testing';
import pg from 'pg';
import { readCpuSeconds, readDiskWriteBytes } from '../lib/proc';
import { counterDelta, pidsNamed, processTree, sampleCounter } from '../lib/process-counters';
import type { LoadTarget } from '../load/generator';
import type { ServerName } from './definitions';
import { type BenchServer, startServer } from './launcher';
import type { ServerStats } from './stats';

/**
 * Issue 19's deployments on this machine (docs/scale-out.md, "Tests and bench"): Atelier embedded
 * (SQLite, one process), Atelier as `nodes` processes on PostgreSQL + Redis (or one process
 * with `WORKERS=n`), and Hocuspocus scaled out with its Redis extension on the same PostgreSQL
 * and Redis. Each run gets a database and a Redis key prefix of its own, dropped at the end.
 */
export interface DeploymentSpec {
  server: Extract<ServerName, 'atelier' | 'hocuspocus-redis'>;
  /** `sqlite`: Atelier's embedded default; `pg`: PostgreSQL + Redis. */
  backend: 'sqlite' | 'pg';
  /** Node processes started by the harness, each pinned to a core of its own in turn. */
  nodes: number;
  /** Atelier only: `WORKERS` of each node (its cluster's processes share the node's cores). */
  workers?: number;
}

export function deploymentKey(spec: DeploymentSpec): string {
  if (spec.backend === 'sqlite') return `${spec.server} embedded`;
  const processes = spec.workers && spec.workers > 1 ? ` WORKERS=${spec.workers}` : '';
  return `${spec.server} ${spec.nodes} node${spec.nodes > 1 ? 's' : ''}${processes}`;
}

export interface Deployment extends LoadTarget {
  spec: DeploymentSpec;
  key: string;
  nodes: BenchServer[];
  /** WebSocket bases of the nodes, in order. */
  urls: readonly string[];
  /** PostgreSQL's database and Redis' prefix (`pg` backend only). */
  database: TestDatabase | null;
  redis: TestRedis | null;
  /** The node the harness provisions rooms through (every node shares the database). */
  entry: BenchServer;
  stop(): Promise<void>;
}

/** Every server of the machine on one part: all the deployments' nodes and services share 2 cores. */
export function nodeCores(node: number, workers = 1): string {
  const count = cpus().length;
  // A node with its own cluster of processes spreads them over every core, like WORKERS=auto.
  if (workers > 1) return Array.from({ length: count }, (_, i) => i).join(',');
  return String(node % count);
}

export async function startDeployment(spec: DeploymentSpec): Promise<Deployment> {
  const database = spec.backend === 'pg' ? await createTestDatabase() : null;
  const redis = spec.backend === 'pg' ? await createTestRedis() : null;
  const nodes: BenchServer[] = [];
  const stopAll = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await database?.drop();
    await redis?.cleanup();
  };
  try {
    const env: Record<string, string> = {
      // Thousands of clients from this one address (docs/security.md's per-address caps).
      SOCKET_LIMITS: 'off',
      ...(database && redis
        ? { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix }
        : {}),
      ...(spec.workers && spec.workers > 1 ? { WORKERS: String(spec.workers) } : {}),
    };
    for (let i = 0; i < spec.nodes; i++) {
      nodes.push(await startServer(spec.server, { env, cores: nodeCores(i, spec.workers) }));
    }
    if (database && spec.server === 'atelier') await expectAtelierSchema(database);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const first = nodes[0] as BenchServer;
  const urls = nodes.map((node) => node.url);
  return {
    spec,
    key: deploymentKey(spec),
    name: spec.server,
    url: first.url,
    urls,
    nodes,
    database,
    redis,
    entry: first,
    stats: (reset, collect) => mergedStats(nodes, reset, collect),
    cpuSeconds: () => nodes.reduce((sum, node) => sum + treeCpuSeconds(node.pid), 0),
    startCpuWindow: () => startCpuWindow(nodes, database),
    stop: stopAll,
  };
}

/**
 * The CPU of every part over a window: each node's process tree (a `WORKERS` node's workers
 * included), and, on PostgreSQL + Redis, the database server's processes serving this run
 * (its backends on the run's database and its background writers, found in pg_stat_activity
 * at both ends) and Redis' single process. Redis and the background writers also serve
 * whatever else runs on the machine: on a busy machine their share is an upper bound.
 */
async function startCpuWindow(
  nodes: readonly BenchServer[],
  database: TestDatabase | null,
): Promise<() => Promise<Record<string, number>>> {
  const nodePids = () => nodes.flatMap((node) => processTree(node.pid));
  const sample = async () => ({
    nodes: sampleCounter(nodePids(), readCpuSeconds),
    postgres: database ? sampleCounter(await postgresPids(database), readCpuSeconds) : null,
    redis: database ? sampleCounter(pidsNamed('redis-server'), readCpuSeconds) : null,
  });
  const start = await sample();
  return async () => {
    const end = await sample();
    const parts: Record<string, number> = { nodes: counterDelta(start.nodes, end.nodes).total };
    if (start.postgres && end.postgres) parts.postgres = counterDelta(start.postgres, end.postgres).total;
    if (start.redis && end.redis) parts.redis = counterDelta(start.redis, end.redis).total;
    return parts;
  };
}

/** Bytes written over a window, by where they were counted. */
export interface WrittenBytes {
  /** /proc/<pid>/io write_bytes of the nodes' processes (SQLite's database and WAL files live there). */
  nodes: number;
  /** The same of PostgreSQL's backends on this run's database and its background writers (whole server). */
  postgres: number | null;
  /**
   * WAL records of this run's database (pg_walinspect: records touching its relations, with the
   * rest of their transactions, commits included), full-page images included.
   */
  postgresWal: number | null;
  /** Growth of this run's database (`pg_database_size`). */
  postgresDatabase: number | null;
  /** Growth of the files in the nodes' data dirs (SQLite's database and WAL). */
  dataDirs: number;
}

/** Opens a window on the bytes a deployment writes; its end gives them. */
export async function startWriteWindow(deployment: Deployment): Promise<() => Promise<WrittenBytes>> {
  const { database } = deployment;
  const nodePids = () => deployment.nodes.flatMap((node) => processTree(node.pid));
  const sample = async () => ({
    nodes: sampleCounter(nodePids(), readDiskWriteBytes),
    postgres: database ? sampleCounter(await postgresPids(database), readDiskWriteBytes) : null,
    pg: database ? await postgresPosition(database) : null,
    files: (await Promise.all(deployment.nodes.map((node) => directoryBytes(node.dataDir)))).reduce(
      (a, b) => a + b,
      0,
    ),
  });
  const wal = database ? await followDatabaseWal(database) : null;
  const start = await sample();
  return async () => {
    const end = await sample();
    return {
      nodes: counterDelta(start.nodes, end.nodes).total,
      postgres: start.postgres && end.postgres ? counterDelta(start.postgres, end.postgres).total : null,
      postgresWal: wal ? await wal() : null,
      postgresDatabase: start.pg && end.pg ? end.pg.size - start.pg.size : null,
      dataDirs: end.files - start.files,
    };
  };
}

/** The size of every file under `dir`, added up. */
async function directoryBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map((e) =>
        stat(path.join(e.parentPath, e.name)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** How often the database's WAL records are read: before the server recycles their segments. */
const WAL_READ_MS = 1_000;

/**
 * Counts `database`'s WAL records from now until the returned function is called, reading them
 * every second: on a busy server the segments of a longer window are recycled before its end.
 * Resolves null when a part of the window could not be read any more (recycled all the same).
 */
async function followDatabaseWal(database: TestDatabase): Promise<() => Promise<number | null>> {
  await withClient(database, (c) => c.query('CREATE EXTENSION IF NOT EXISTS pg_walinspect'));
  let from = (await postgresPosition(database)).lsn;
  let total = 0;
  let lost = false;
  const readUpToNow = async () => {
    const to = (await postgresPosition(database)).lsn;
    try {
      total += await databaseWalBytes(database, from, to);
      from = to;
    } catch (error) {
      // A position pg_walinspect does not know yet is read at the next tick; a recycled one is gone.
      if (!/future/.test(String(error))) lost = true;
    }
  };
  let reading = Promise.resolve();
  const timer = setInterval(() => {
    reading = reading.then(readUpToNow);
  }, WAL_READ_MS);
  return async () => {
    clearInterval(timer);
    await reading;
    await readUpToNow();
    return lost ? null : total;
  };
}

/** Where PostgreSQL's flushed WAL stands and this database's size. */
function postgresPosition(database: TestDatabase): Promise<{ lsn: string; size: number }> {
  return withClient(database, async (client) => {
    const { rows } = await client.query<{ lsn: string; size: string }>(
      'SELECT pg_current_wal_flush_lsn()::text AS lsn, pg_database_size(current_database())::text AS size',
    );
    return { lsn: rows[0]?.lsn ?? '0/0', size: Number(rows[0]?.size ?? 0) };
  });
}

/**
 * Bytes of WAL between two positions that belong to `database`: the server's WAL also carries
 * every other database's writes (other test suites on the machine create whole databases).
 */
function databaseWalBytes(database: TestDatabase, from: string, to: string): Promise<number> {
  if (from === to) return Promise.resolve(0);
  return withClient(database, async (client) => {
    const { rows } = await client.query<{ bytes: string }>(
      `WITH r AS (SELECT xid, block_ref, record_length FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn)),
            ours AS (SELECT DISTINCT xid FROM r WHERE block_ref LIKE $3 AND xid <> '0')
       SELECT coalesce(sum(record_length), 0)::text AS bytes FROM r
        WHERE block_ref LIKE $3 OR xid IN (SELECT xid FROM ours)`,
      [from, to, `%/${await databaseOid(client)}/%`],
    );
    return Number(rows[0]?.bytes ?? 0);
  });
}

async function databaseOid(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ oid: string }>(
    'SELECT oid::text FROM pg_database WHERE datname = current_database()',
  );
  return rows[0]?.oid ?? '0';
}

async function withClient<T>(database: TestDatabase, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's processes working for `database`: its backends and the server's background processes. */
export function postgresPids(database: TestDatabase): Promise<number[]> {
  return withClient(database, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE (datname = $1 OR datname IS NULL) AND pid <> pg_backend_pid()',
      [database.name],
    );
    return rows.map((row) => row.pid);
  });
}

function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + (readCpuSeconds(p) ?? 0), 0);
}

/** Event-loop delay: the worst node's; memory: the nodes' sum. */
async function mergedStats(
  nodes: readonly BenchServer[],
  reset?: boolean,
  collect?: boolean,
): Promise<ServerStats> {
  const all = await Promise.all(nodes.map((node) => node.stats(reset, collect)));
  const [first] = all;
  if (!first) throw new Error('a deployment without nodes');
  return {
    ...first,
    eldP99Ms: Math.max(...all.map((s) => s.eldP99Ms)),
    eldMaxMs: Math.max(...all.map((s) => s.eldMaxMs)),
    rss: all.reduce((sum, s) => sum + s.rss, 0),
    heapUsed: all.reduce((sum, s) => sum + s.heapUsed, 0),
  };
}

/**
 * An Atelier started with DATABASE_URL must have migrated that database; one that did not is
 * running on SQLite in its data dir (a server from before the scale-out wiring), and its nodes
 * would serve unrelated copies of every room.
 */
function expectAtelierSchema(database: TestDatabase): Promise<void> {
  return withClient(database, (client) =>
    waitFor(
      async () => {
        const { rows } = await client.query<{ found: string | null }>(
          "SELECT to_regclass('atelier_schema')::text AS found",
        );
        return rows[0]?.found != null;
      },
      'Atelier to migrate the PostgreSQL database it was given (DATABASE_URL); this server may not read DATABASE_URL yet',
      5_000,
    ),
  );
}

/**
 * The scaled-out servers a run compares, from `--servers`: Atelier for `atelier`, Hocuspocus
 * with its Redis extension for `hocuspocus` or `hocuspocus-redis` (the others have no scale-out).
 */
export function scaledOutServers(servers: readonly ServerName[]): DeploymentSpec['server'][] {
  const out: DeploymentSpec['server'][] = [];
  if (servers.includes('atelier')) out.push('atelier');
  if (servers.includes('hocuspocus') || servers.includes('hocuspocus-redis')) out.push('hocuspocus-redis');
  return out;
}

/** Starts a deployment, runs `work` on it and stops it, whatever happens. */
export async function withDeployment<T>(
  spec: DeploymentSpec,
  work: (d: Deployment) => Promise<T>,
): Promise<T> {
  const deployment = await startDeployment(spec);
  try {
    return await work(deployment);
  } finally {
    await deployment.stop();
  }
}

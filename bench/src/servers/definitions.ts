import path from 'node:path';
import { SERVER_NODE_FLAGS } from '@atelier/server/runtime/node-flags';
import { packageDir, packageVersion, REPO_ROOT } from '../lib/paths';
import { BASELINE_COMMIT, baselineRoot } from './baseline';

export const SERVER_NAMES = [
  'atelier',
  'ywss',
  'hocuspocus',
  'relay',
  'baseline',
  'hocuspocus-redis',
] as const;
/** What runs when `--servers` is not given: Atelier, the two peers and the floor. */
export const DEFAULT_SERVERS: readonly ServerName[] = ['atelier', 'ywss', 'hocuspocus', 'relay'];
export type ServerName = (typeof SERVER_NAMES)[number];

/** The wire protocol a server's clients speak. */
export type Protocol = 'y-websocket' | 'hocuspocus';

export interface ServerDefinition {
  name: ServerName;
  protocol: Protocol;
  /** Atelier's HTTP API and tokens (rooms are workshops) rather than free room names. */
  atelierApi: boolean;
  /** Exact versions of what runs, for the results. */
  version(): string;
  /** Node arguments after the harness's own (`--import tsx`, the preload). */
  entry(): string[];
  /** Node flags the server is run with as deployed (before `BENCH_SERVER_NODE_ARGS`, which can override them). */
  nodeFlags?(): string[];
  /** Environment of the server process (the harness adds nothing else but PATH-like basics). */
  env(port: number, dataDir: string): Record<string, string>;
  /** Path below the HTTP base that the WebSocket URL of every room starts with. */
  syncPath: string;
  /** A GET that answers 200 once the server listens. */
  healthPath: string;
}

const HERE = path.dirname(new URL(import.meta.url).pathname);

const atelierEnv = (port: number, dataDir: string) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  CLIENT_DIST: path.join(dataDir, 'no-client'),
  // Provisioning creates hundreds of workshops from 127.0.0.1 (the baseline ignores it).
  HTTP_LIMIT_CREATE: 'off',
  // Every bench client connects from 127.0.0.1: the plenary with viewers opens 1,000 sockets.
  SOCKETS_PER_ADDRESS: '5000',
});

export const SERVERS: Record<ServerName, ServerDefinition> = {
  atelier: {
    name: 'atelier',
    protocol: 'y-websocket',
    atelierApi: true,
    version: () => `@atelier/server ${packageVersion('@atelier/server')}`,
    entry: () => [path.join(REPO_ROOT, 'server/src/main.ts')],
    nodeFlags: () => [...SERVER_NODE_FLAGS],
    env: atelierEnv,
    syncPath: '/sync',
    healthPath: '/healthz',
  },
  baseline: {
    name: 'baseline',
    protocol: 'y-websocket',
    atelierApi: true,
    version: () => `@atelier/server at ${BASELINE_COMMIT} (before the sync work)`,
    entry: () => [path.join(baselineRoot(), 'server/src/main.ts')],
    env: atelierEnv,
    syncPath: '/sync',
    healthPath: '/healthz',
  },
  ywss: {
    name: 'ywss',
    protocol: 'y-websocket',
    atelierApi: false,
    version: () => `@y/websocket-server ${packageVersion('@y/websocket-server')}`,
    entry: () => [path.join(packageDir('@y/websocket-server'), 'src/server.js')],
    env: (port) => ({ PORT: String(port), HOST: '127.0.0.1' }),
    syncPath: '',
    healthPath: '/',
  },
  hocuspocus: {
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    atelierApi: false,
    version: () =>
      `@hocuspocus/server ${packageVersion('@hocuspocus/server')} + extension-sqlite ${packageVersion('@hocuspocus/extension-sqlite')}`,
    entry: () => [path.join(HERE, 'hocuspocus-main.ts')],
    env: (port, dataDir) => ({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }),
    syncPath: '',
    healthPath: '/',
  },
  // Scale-out only (servers/deployment.ts gives it DATABASE_URL, REDIS_URL and REDIS_PREFIX).
  'hocuspocus-redis': {
    name: 'hocuspocus-redis',
    protocol: 'hocuspocus',
    atelierApi: false,
    version: () =>
      `@hocuspocus/server ${packageVersion('@hocuspocus/server')} + extension-redis ${packageVersion('@hocuspocus/extension-redis')} + extension-database ${packageVersion('@hocuspocus/extension-database')} on PostgreSQL`,
    entry: () => [path.join(HERE, 'hocuspocus-cluster-main.ts')],
    env: (port) => ({ PORT: String(port), HOST: '127.0.0.1' }),
    syncPath: '',
    healthPath: '/',
  },
  relay: {
    name: 'relay',
    protocol: 'y-websocket',
    atelierApi: false,
    version: () => `bench relay (ws ${packageVersion('ws')}, no Yjs)`,
    entry: () => [path.join(HERE, 'relay-main.ts')],
    env: (port) => ({ PORT: String(port), HOST: '127.0.0.1' }),
    syncPath: '',
    healthPath: '/',
  },
};

export function isServerName(name: string): name is ServerName {
  return (SERVER_NAMES as readonly string[]).includes(name);
}

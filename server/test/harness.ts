/**
 * Integration harness: runs the real server on a random port with a temporary data directory —
 * in this process through `@atelier/server`'s `startServer` (`startServer`, `useServer`), or as
 * a child process (`startServerProcess`) for what needs one: kill -9, signals, the process's
 * own output — and talks to it with stock clients (fetch, y-websocket's `WebsocketProvider`
 * over `ws`) or with a raw `ws` socket for hand-crafted frames. On SQLite by default; with
 * `TEST_BACKEND=postgres`, each data directory's servers on a throwaway PostgreSQL database and
 * Redis prefix of their own (`test-backend.ts`).
 *
 * Nothing here sleeps for a fixed time: every wait polls a condition or awaits an event,
 * and fails with a message saying what it was waiting for.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig, type StartOptions, startServer as startInProcess } from '@atelier/server';
import {
  type CreateWorkshopBody,
  CreateWorkshopResponse,
  createCluster,
  type JoinBody,
  JoinResponse,
  type ParticipantGroup,
  readClusterList,
  readNotes,
  roomName,
  Strategy,
  WorkshopPreview,
} from '@atelier/shared';
import { waitFor, withTimeout } from '@atelier/testing';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BACKEND_ENV_KEYS, backendEnv, dropBackends } from './test-backend';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const START_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 10_000;
export const WAIT_TIMEOUT_MS = 8_000;

/** Environment variables the server reads; removed from the inherited env so each run is explicit. */
const SERVER_ENV_KEYS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'PUBLIC_URL',
  'ALLOWED_ORIGINS',
  'MAX_MESSAGE_BYTES',
  'ROOM_GRACE_MS',
  'LOG_LEVEL',
  'CLIENT_DIST',
  'SERVE_SOURCEMAPS',
  'METRICS_TOKEN',
  'RETENTION_DAYS',
  'PRIVACY_NOTICE_FILE',
  'PRIVACY_CONTACT',
  'NODE_OPTIONS',
  ...BACKEND_ENV_KEYS,
];

// ---------------------------------------------------------------------------------------------
// Waiting

// `waitFor` (polls a condition) and `withTimeout` (bounds a promise): one copy, in @atelier/testing.
export { waitFor, withTimeout };

// ---------------------------------------------------------------------------------------------
// Server process

export interface ServerOptions {
  /** Reuse a data directory (restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
  env?: Record<string, string>;
  /** In process only: the other nodes' side of the server (`startServer`'s `cluster` option). */
  cluster?: StartOptions['cluster'];
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, as logged by the server. */
  url: string;
  /** `ws://127.0.0.1:PORT/sync`: the `serverUrl` a `WebsocketProvider` is given. */
  wsUrl: string;
  dataDir: string;
  /** Its log lines so far (a child process: everything it wrote to stdout and stderr). */
  readonly logs: string;
  /** Whether it stopped (a child process: exited). */
  readonly exited: boolean;
  /** In process: its HTTP app, to request without a socket (`inApp`); null for a child process. */
  readonly app: InProcessApp | null;
  /**
   * In process: closes the server and returns 0. A child process: sends SIGTERM (or `signal`),
   * waits for the exit and returns the exit code.
   */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A server in a child process: what a crash does, and the process's own output. */
export interface ServerProcess extends RunningServer {
  /** SIGKILL (`kill -9`), then waits for the exit. */
  kill(): Promise<void>;
}

const liveChildren = new Set<ChildProcess>();
const liveServers = new Set<RunningServer>();
const tempDirs = new Set<string>();

/** A fresh temporary directory, removed by `cleanup()`. */
export async function makeTempDir(prefix = 'atelier-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** The environment every test server starts from, before the test's own `env`. */
const testEnv = (dataDir: string): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  ROOM_GRACE_MS: '200',
  LOG_LEVEL: 'info',
  // A test file creates dozens of workshops from one address in seconds; write-limits.test.ts
  // checks the default limit on creations.
  HTTP_LIMIT_CREATE: 'off',
});

/**
 * Starts the server in this process with `startServer` from `@atelier/server`, configured from
 * `options.env` as the process would be from its environment; its log lines are kept in memory.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const config = loadConfig({
    ...testEnv(dataDir),
    ...(await backendEnv(dataDir, options.env)),
    CLIENT_DIST: path.join(REPO_ROOT, 'client/dist'),
    ...options.env,
  });
  let logs = '';
  const log = createLogger(config.logLevel, {
    write: (line: string) => {
      logs += line;
    },
  });
  const started = await startInProcess(config, options.cluster ? { log, cluster: options.cluster } : { log });
  let stopped: Promise<number | null> | null = null;
  const server: RunningServer = {
    url: started.url,
    wsUrl: `${started.url.replace(/^http/, 'ws')}/sync`,
    dataDir,
    get logs() {
      return logs;
    },
    get exited() {
      return stopped !== null;
    },
    app: {
      url: started.url,
      request: (input, init) => started.app.request(input, init),
    },
    stop() {
      stopped ??= (async () => {
        await withTimeout(started.close(), 'the server to close', EXIT_TIMEOUT_MS);
        liveServers.delete(server);
        return 0;
      })();
      return stopped;
    },
  };
  liveServers.add(server);
  return server;
}

/** Starts the server as a child process (`node --import tsx server/src/main.ts`). */
export async function startServerProcess(options: ServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !SERVER_ENV_KEYS.includes(key) && !key.startsWith('VITEST')) env[key] = value;
  }
  Object.assign(env, testEnv(dataDir), await backendEnv(dataDir, options.env), options.env);

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);

  let logs = '';
  let exited = false;
  let exitCode: number | null = null;
  let exitSignal: NodeJS.Signals | null = null;
  const exitPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitCode = code;
      exitSignal = signal;
      liveChildren.delete(child);
      resolve(code);
    });
  });

  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Server did not log "listening" within ${START_TIMEOUT_MS} ms. Output:\n${logs}`));
    }, START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      logs += chunk;
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
        const entry = parseJsonLine(line);
        if (entry?.msg === 'listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          resolve(entry.url.replace(/\/+$/, ''));
        }
      }
    });
    child.stderr?.on('data', (chunk: string) => {
      logs += chunk;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not spawn the server: ${error.message}`));
    });
    exitPromise.then(() => {
      clearTimeout(timer);
      reject(
        new Error(
          `Server exited (code ${exitCode}, signal ${exitSignal}) before logging "listening". Output:\n${logs}`,
        ),
      );
    });
  });

  const awaitExit = async (what: string): Promise<number | null> =>
    withTimeout(exitPromise, `${what}. Output:\n${logs}`, EXIT_TIMEOUT_MS);

  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/sync`,
    dataDir,
    app: null,
    get logs() {
      return logs;
    },
    get exited() {
      return exited;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!exited) child.kill(signal);
      try {
        return await awaitExit(`server exit after ${signal}`);
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      }
    },
    async kill() {
      if (!exited) child.kill('SIGKILL');
      await awaitExit('server exit after SIGKILL');
    },
  };
}

function parseJsonLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The JSON log lines a server wrote so far. */
export function logEntries(server: RunningServer): Record<string, unknown>[] {
  return server.logs
    .split('\n')
    .map(parseJsonLine)
    .filter((entry): entry is Record<string, unknown> => entry !== null);
}

/**
 * One server for a test file (in this process): started before its tests, stopped (with every other resource
 * the harness opened) after them. Returned at once, so that test files can keep writing
 * `server.url`; reading it before the file's tests start is a mistake and throws.
 */
export function useServer(options: ServerOptions = {}): RunningServer {
  let started: RunningServer | undefined;
  beforeAll(async () => {
    started = await startServer(options);
  });
  afterAll(cleanup);
  return new Proxy({} as RunningServer, {
    get: (_target, key) => {
      if (!started) throw new Error('useServer: the server starts in beforeAll');
      return Reflect.get(started, key);
    },
  });
}

/**
 * Closes every client and socket the harness opened, stops every server still running (kills
 * the child processes), removes the temporary directories and drops the PostgreSQL databases
 * and Redis prefixes of `TEST_BACKEND=postgres`. For `afterAll`.
 */
export async function cleanup(): Promise<void> {
  for (const client of [...openClients]) client.destroy();
  for (const socket of [...openSockets]) socket.terminate();
  await Promise.all([...liveServers].map((server) => server.stop()));
  await Promise.all(
    [...liveChildren].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  await Promise.all([...tempDirs].map((dir) => rm(dir, { recursive: true, force: true })));
  tempDirs.clear();
  await dropBackends();
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** An in-process server's HTTP app: `request` answers as the server would at `url`, without a socket. */
export interface InProcessApp {
  url: string;
  request(input: string, init: RequestInit): Response | Promise<Response>;
}

/** Where `api` sends a request: a server's URL (over the network) or an in-process app. */
export type HttpTarget = string | InProcessApp;

/** The app of a server started in this process, for HTTP-only tests (`app.request()`, no socket). */
export function inApp(server: RunningServer): InProcessApp {
  if (!server.app) throw new Error('inApp: the server runs in a child process');
  return server.app;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A request to the server; `body` objects are sent as JSON, strings as they are. */
export async function api<T = unknown>(
  target: HttpTarget,
  method: string,
  route: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const init: RequestInit = { method, headers, body: body ?? null };
  const response =
    typeof target === 'string'
      ? await fetch(`${target}${route}`, init)
      : await target.request(`${target.url}${route}`, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // keep the raw text: the assertion that follows says what was expected
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export const DEFAULT_WORKSHOP: CreateWorkshopBody = {
  title: 'Stratégie d’innovation territoriale',
  territory: { name: 'Communauté de communes du Val Vert', kind: 'epci' },
  locale: 'fr',
  facilitatorName: 'Fanny Facilitatrice',
};

export async function createWorkshop(
  baseUrl: HttpTarget,
  body: CreateWorkshopBody = DEFAULT_WORKSHOP,
): Promise<CreateWorkshopResponse> {
  const answer = await api(baseUrl, 'POST', '/api/workshops', { body });
  if (answer.status !== 201) {
    throw new Error(`POST /api/workshops: expected 201, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return CreateWorkshopResponse.parse(answer.body);
}

export async function join(
  baseUrl: HttpTarget,
  code: string,
  person: { name: string; group: ParticipantGroup; role?: 'participant' | 'observer' },
): Promise<JoinResponse> {
  const body: JoinBody = { code, ...person, noticeVersion: await noticeVersion(baseUrl, code) };
  const answer = await api(baseUrl, 'POST', '/api/join', { body });
  if (answer.status !== 201) {
    throw new Error(`POST /api/join: expected 201, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return JoinResponse.parse(answer.body);
}

/** The version of the privacy notice the join page shows for `code`, which a join acknowledges. */
export async function noticeVersion(baseUrl: HttpTarget, code: string): Promise<string> {
  const answer = await api(baseUrl, 'GET', `/api/join/${code}`);
  if (answer.status !== 200) {
    throw new Error(
      `GET /api/join/${code}: expected 200, got ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return WorkshopPreview.parse(answer.body).privacy.version;
}

/** A person a test brings into a workshop: name, group, and observer or (by default) participant. */
export type Person = { name: string; group: ParticipantGroup; role?: 'participant' | 'observer' };

/** The usual cast of a sync test: two participants and an observer. */
export const TWO_AND_OBSERVER = {
  alice: { name: 'Alice', group: 'resident' },
  bob: { name: 'Bob', group: 'business' },
  olga: { name: 'Olga', group: 'partner', role: 'observer' },
} satisfies Record<string, Person>;

/** A new workshop and its cast, joined at once: `{ workshop, alice: JoinResponse, … }`. */
export async function workshopWith<K extends string>(
  baseUrl: HttpTarget,
  cast: Record<K, Person>,
): Promise<{ workshop: CreateWorkshopResponse } & Record<K, JoinResponse>> {
  const workshop = await createWorkshop(baseUrl);
  const entries = Object.entries(cast) as [K, Person][];
  // One after the other: the server lists people in the order they joined, and tests read that order.
  const joined: JoinResponse[] = [];
  for (const [, person] of entries) joined.push(await join(baseUrl, workshop.joinCode, person));
  const people = Object.fromEntries(entries.map(([key], i) => [key, joined[i]])) as Record<K, JoinResponse>;
  return { workshop, ...people };
}

// ---------------------------------------------------------------------------------------------
// Stock y-websocket client

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  /** Reasons of the auth "permission denied" messages (type 2) received. */
  denied: string[];
  /** Close events seen by the provider (server-initiated closes carry a code). */
  closes: CloseInfo[];
  destroy(): void;
}

export interface ConnectOptions {
  /** `Origin` header of the upgrade request; none by default (like a non-browser client). */
  origin?: string;
  /** Local awareness state set before connecting; by default the provider's empty `{}`. */
  awarenessState?: Record<string, unknown> | null;
  /** Overrides the token query parameter entirely (`null`: no token parameter at all). */
  token?: string | null;
  /** Document to sync (with content made before connecting); a fresh one otherwise. */
  doc?: Y.Doc;
  timeoutMs?: number;
  /** More options of the `ws` client: `ca` for wss with a test certificate, `localAddress` (127.0.0.2…). */
  wsOptions?: WebSocket.ClientOptions;
  /** Loopback address to connect from (127.0.0.2, 127.0.0.3…: "another machine" for per-address limits). */
  localAddress?: string;
}

const openClients = new Set<DocClient>();

/** `ws` WebSocket with fixed client options (`Origin`, TLS trust, local address), for the provider (which cannot pass options). */
function wsWithOptions(
  options: WebSocket.ClientOptions,
): new (
  address: string,
  protocols?: string | string[],
) => WebSocket {
  if (Object.keys(options).length === 0) return WebSocket;
  return class ConfiguredWebSocket extends WebSocket {
    constructor(address: string | URL | null, protocols?: string | string[]) {
      super(address as string | URL, protocols ?? [], options);
    }
  };
}

/**
 * Connects a stock `WebsocketProvider` and resolves once it is synced; rejects when the
 * server closes the connection first (with the close code in the message).
 */
export async function connectDoc(
  wsUrl: string,
  room: string,
  token: string | null,
  options: ConnectOptions = {},
): Promise<DocClient> {
  const client = openDoc(wsUrl, room, token, options);
  try {
    await new Promise<void>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? WAIT_TIMEOUT_MS;
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for room "${room}" to sync (closes: ${JSON.stringify(client.closes)})`,
            ),
          ),
        timeoutMs,
      );
      const onSync = (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      };
      client.provider.on('sync', onSync);
      client.provider.on('connection-close', (event) => {
        if (client.provider.synced) return;
        const code = event?.code ?? 0;
        if (code >= 4000 || code === 1009) {
          clearTimeout(timer);
          reject(new SyncRefused(room, code, event?.reason ?? ''));
        }
      });
    });
  } catch (error) {
    client.destroy();
    throw error;
  }
  return client;
}

export class SyncRefused extends Error {
  constructor(
    room: string,
    readonly code: number,
    readonly reason: string,
  ) {
    super(`Connection to room "${room}" closed with ${code} ${reason}`);
  }
}

/** Creates and connects a provider without waiting for the sync. */
export function openDoc(
  wsUrl: string,
  room: string,
  token: string | null,
  options: ConnectOptions = {},
): DocClient {
  const doc = options.doc ?? new Y.Doc();
  const params: Record<string, string> = {};
  const effectiveToken = options.token === undefined ? token : options.token;
  if (effectiveToken !== null) params.token = effectiveToken;
  const wsClass = wsWithOptions({
    ...options.wsOptions,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
    ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
  });
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    connect: false,
    disableBc: true,
    params,
    // biome-ignore lint/suspicious/noExplicitAny: the provider is typed against the DOM WebSocket
    WebSocketPolyfill: wsClass as any,
    maxBackoffTime: 500,
  });
  const denied: string[] = [];
  const closes: CloseInfo[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) => {
    // y-protocols/auth: varUint messagePermissionDenied (0), then varString reason
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  if (options.awarenessState !== undefined) provider.awareness.setLocalState(options.awarenessState);
  const client: DocClient = {
    doc,
    provider,
    awareness: provider.awareness,
    denied,
    closes,
    destroy() {
      openClients.delete(client);
      provider.destroy();
      doc.destroy();
    },
  };
  openClients.add(client);
  provider.connect();
  return client;
}

/** Waits until `client` saw `predicate` hold for its document. */
export function waitDoc(client: DocClient, predicate: (doc: Y.Doc) => boolean, what: string): Promise<void> {
  return waitFor(() => predicate(client.doc), what);
}

/** Notes sorted by id, for comparing boards. */
export function sortedNotes(doc: Y.Doc) {
  return readNotes(doc).sort((a, b) => a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// Raw WebSocket, for crafted frames and refusal checks

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type RawOutcome =
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'http'; status: number }
  | { kind: 'error'; message: string };

export interface RawSocket {
  ws: WebSocket;
  /** Binary messages received, in order. */
  messages: Uint8Array[];
  /** Text messages received (the server should never send any). */
  texts: string[];
  opened: Promise<boolean>;
  /** Settles when the socket closed, the upgrade was refused with HTTP, or it failed. */
  ended: Promise<RawOutcome>;
  send(data: Uint8Array | string): void;
  terminate(): void;
}

const openSockets = new Set<RawSocket>();

export function openRaw(
  wsUrl: string,
  room: string,
  token: string | null,
  options: { origin?: string; localAddress?: string } = {},
): RawSocket {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${wsUrl}/${room}${query}`, {
    ...(options.origin === undefined ? {} : { origin: options.origin }),
    ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
  });
  ws.binaryType = 'nodebuffer';
  const messages: Uint8Array[] = [];
  const texts: string[] = [];
  let markOpened: (opened: boolean) => void = () => {};
  const opened = new Promise<boolean>((resolve) => {
    markOpened = resolve;
  });
  const ended = new Promise<RawOutcome>((resolve) => {
    let httpStatus: number | null = null;
    ws.on('open', () => markOpened(true));
    ws.on('message', (data, isBinary) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (isBinary) messages.push(new Uint8Array(buffer));
      else texts.push(buffer.toString('utf8'));
    });
    ws.on('unexpected-response', (_request, response) => {
      httpStatus = response.statusCode ?? 0;
      response.resume();
      markOpened(false);
      resolve({ kind: 'http', status: httpStatus });
      ws.terminate();
    });
    ws.on('error', (error) => {
      markOpened(false);
      if (httpStatus === null) resolve({ kind: 'error', message: error.message });
    });
    ws.on('close', (code, reason) => {
      markOpened(false);
      openSockets.delete(socket);
      resolve({ kind: 'close', code, reason: reason.toString('utf8') });
    });
  });
  const socket: RawSocket = {
    ws,
    messages,
    texts,
    opened,
    ended,
    send(data) {
      ws.send(data, { binary: typeof data !== 'string' });
    },
    terminate() {
      openSockets.delete(socket);
      ws.terminate();
    },
  };
  openSockets.add(socket);
  return socket;
}

/** Waits for a raw socket to end (close or refused upgrade). */
export function rawEnded(socket: RawSocket, what: string, timeoutMs = WAIT_TIMEOUT_MS): Promise<RawOutcome> {
  return withTimeout(socket.ended, what, timeoutMs);
}

/** Message types (first varUint) of the binary messages a raw socket received. */
export function messageTypes(socket: RawSocket): number[] {
  return socket.messages.map((message) =>
    message.length === 0 ? -1 : decoding.readVarUint(decoding.createDecoder(message)),
  );
}

/** `[0, syncStep1(doc)]`: what a client sends first. */
export function syncStep1Message(doc: Y.Doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** `[0, update]`: a sync update message carrying `update`. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message (type 1) with the given entries, encoded like y-protocols does. */
export function awarenessMessage(
  entries: { clientID: number; clock: number; state: Record<string, unknown> | null }[],
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientID);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** A random workshop-like id that names no workshop. */
export function unknownWorkshopId(): string {
  return `nope${Math.random().toString(36).slice(2, 12)}`;
}

// ---------------------------------------------------------------------------------------------
// Board content and received updates (vote tests)

/** Creates issues with these ids and titles, in this order, and waits until the server holds them. */
export async function addIssues(
  wsUrl: string,
  workshopId: string,
  token: string,
  issues: readonly { id: string; title: string }[],
): Promise<void> {
  const room = roomName(workshopId, 'board');
  const writer = await connectDoc(wsUrl, room, token);
  for (const [i, issue] of issues.entries()) {
    createCluster(writer.doc, { title: issue.title, x: 320 * i, y: 0 }, issue.id);
  }
  // A second connection sees them once the server has stored and broadcast them.
  const reader = await connectDoc(wsUrl, room, token);
  await waitDoc(
    reader,
    (doc) => issues.every((issue) => readClusterList(doc).some((c) => c.id === issue.id)),
    'the server to hold the new issues',
  );
  writer.destroy();
  reader.destroy();
}

/** The document updates (sync step 2 and update messages) among frames a socket received. */
export function receivedUpdates(messages: readonly Uint8Array[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (message.length === 0 || decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
    const subtype = decoding.readVarUint(decoder);
    if (subtype === syncProtocol.messageYjsSyncStep2 || subtype === syncProtocol.messageYjsUpdate) {
      updates.push(decoding.readVarUint8Array(decoder));
    }
  }
  return updates;
}

/**
 * Pings `/healthz` one after the other until `work` settles, and gives its answer with each ping's
 * round trip (ms): how a test shows that the server kept answering while something heavy ran.
 */
export async function pingWhile<T>(url: string, work: Promise<T>): Promise<{ answer: T; pings: number[] }> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  const pings: number[] = [];
  while (!done) {
    const sent = performance.now();
    const { status } = await api(url, 'GET', '/healthz');
    if (status !== 200) throw new Error(`/healthz answered ${status} meanwhile`);
    pings.push(performance.now() - sent);
  }
  return { answer: await settled, pings };
}

/**
 * A fresh workshop's exported strategy with `notes` more notes (`text(n)` each, laid out in rows
 * of 100): a big file to import, or to import and then export.
 */
export async function strategyWithNotes(
  url: string,
  notes: number,
  text: (n: number) => string,
): Promise<Strategy> {
  const w = await createWorkshop(url);
  const answer = await api(url, 'GET', `/api/workshops/${w.id}/export?format=json`, {
    token: w.facilitatorToken,
  });
  const strategy = Strategy.parse(answer.body);
  const at = Date.parse(strategy.provenance.exportedAt);
  for (let n = 0; n < notes; n++)
    strategy.notes.push({
      id: `note-${n}`,
      text: text(n),
      theme: null,
      author: null,
      authorGroup: null,
      issue: null,
      position: { x: n % 100, y: Math.floor(n / 100) },
      createdAt: new Date(at + n).toISOString(),
      votes: [],
    });
  return strategy;
}

/**
 * A workshop imported with `notes` notes of a usual length (`strategyWithNotes`): a big board to
 * export or to load cold. Throws when the import is not created.
 */
export async function importWorkshopWithNotes(url: string, notes: number): Promise<CreateWorkshopResponse> {
  const strategy = await strategyWithNotes(
    url,
    notes,
    (n) => `Constat ${n} : les habitants du territoire attendent des services de proximité`,
  );
  const imported = await api<CreateWorkshopResponse>(url, 'POST', '/api/workshops/import', {
    body: { strategy },
  });
  if (imported.status !== 201)
    throw new Error(`import answered ${imported.status}: ${JSON.stringify(imported.body)}`);
  return imported.body;
}

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_JOIN_LIMITS, type JoinLimits } from './limits/join-attempts';
import { type RateLimit, RateLimitSpec } from './limits/rate-spec';
import type { SocketLimitsConfig } from './limits/socket-limits';
import { type NoticeFile, readNoticeFile } from './privacy/notice';

const Port = z.coerce.number().int().min(0).max(65535);
const Positive = z.coerce.number().int().positive();

/** The HTTP write limits' defaults (docs/security.md, "HTTP write limits"). */
export const WRITE_LIMIT_DEFAULTS = {
  HTTP_LIMIT_BALLOTS: '60,10/s',
  HTTP_LIMIT_EXPORTS: '10,1/3s',
  HTTP_LIMIT_IMPORTS: '20,1/m',
  HTTP_LIMIT_CREATE: '30,20/h',
  HTTP_LIMIT_FACILITATION: '60,2/s',
} as const;

const Env = z.object({
  PORT: Port.default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().default(''),
  MAX_MESSAGE_BYTES: Positive.default(1024 * 1024),
  ROOM_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  COMPACT_LOG_BYTES: Positive.default(64 * 1024),
  PRESENCE_TICK_MS: z.coerce.number().int().min(0).max(33).default(30),
  SYNC_KEEPALIVE_MS: z.coerce.number().int().min(10).max(25_000).default(15_000),
  // After a write the disk refused, how often a probe write checks whether it takes them again.
  STORAGE_PROBE_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  // A quota on the database file (0: none): past it writes are refused as on a full disk.
  DB_MAX_BYTES: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().min(1).default('client/dist'),
  SERVE_SOURCEMAPS: z.enum(['0', '1', 'true', 'false', '']).default(''),
  // How many reverse proxies stand in front (`true` = 1): only then is X-Forwarded-For read.
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|true|false|)$/, 'a number of proxies, true or false')
    .default(''),
  // Bearer token for GET /metrics; unset: only this machine may scrape.
  METRICS_TOKEN: z
    .string()
    .refine((v) => v === '' || v.length >= 16, 'at least 16 characters (e.g. openssl rand -hex 32)')
    .default(''),
  // Failed join attempts (docs/security.md, Limits): per address, then for the whole server.
  JOIN_FAILURES_PER_MINUTE: Positive.default(DEFAULT_JOIN_LIMITS.perMinute),
  JOIN_FAILURES_PER_HOUR: Positive.default(DEFAULT_JOIN_LIMITS.perHour),
  JOIN_FAILURES_PER_DAY: Positive.default(DEFAULT_JOIN_LIMITS.perDay),
  JOIN_GLOBAL_FAILURES_PER_HOUR: Positive.default(DEFAULT_JOIN_LIMITS.globalPerHour),
  JOIN_FAILURES_WHEN_SPENT_PER_DAY: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_JOIN_LIMITS.whenSpentPerDay),
  // A join code stops working this long after the workshop's last activity.
  JOIN_CODE_TTL_DAYS: z.coerce.number().positive().default(30),
  // Socket caps (docs/security.md, "Socket limits"): sized for a 300-person plenary behind one
  // public address (board + control + drafts each, all reconnecting at once after a Wi-Fi glitch).
  SOCKET_LIMITS: z.enum(['on', 'off']).default('on'),
  SOCKETS_PER_ADDRESS: Positive.default(1000),
  SOCKETS_PER_TOKEN: Positive.default(16),
  UPGRADE_BURST: Positive.default(1000),
  UPGRADES_PER_SECOND: Positive.default(100),
  SOCKET_MESSAGE_BURST: Positive.default(600),
  SOCKET_MESSAGES_PER_SECOND: Positive.default(300),
  SOCKET_BYTE_BURST: Positive.default(8 * 1024 * 1024),
  SOCKET_BYTES_PER_SECOND: Positive.default(2 * 1024 * 1024),
  // HTTP writes (docs/security.md, "HTTP write limits"): BURST,COUNT/PERIOD or off.
  HTTP_LIMIT_BALLOTS: RateLimitSpec.prefault(WRITE_LIMIT_DEFAULTS.HTTP_LIMIT_BALLOTS),
  HTTP_LIMIT_EXPORTS: RateLimitSpec.prefault(WRITE_LIMIT_DEFAULTS.HTTP_LIMIT_EXPORTS),
  HTTP_LIMIT_IMPORTS: RateLimitSpec.prefault(WRITE_LIMIT_DEFAULTS.HTTP_LIMIT_IMPORTS),
  HTTP_LIMIT_CREATE: RateLimitSpec.prefault(WRITE_LIMIT_DEFAULTS.HTTP_LIMIT_CREATE),
  HTTP_LIMIT_FACILITATION: RateLimitSpec.prefault(WRITE_LIMIT_DEFAULTS.HTTP_LIMIT_FACILITATION),
  // Imports are read and exports written in worker threads: how many (IMPORT_WORKERS is the
  // former name), and how long one import or one export may take.
  WORKER_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  IMPORT_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  EXPORT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  // Personal data (docs/operations.md): idle workshops deleted after this many days (unset: kept),
  // the join page's privacy notice (a JSON file per language) and who to ask about one's data.
  RETENTION_DAYS: z.preprocess((v) => (v === '' ? undefined : v), Positive.max(36_500).optional()),
  PRIVACY_NOTICE_FILE: z.string().default(''),
  PRIVACY_CONTACT: z.string().trim().max(200).default(''),
  // Scale-out (docs/scale-out.md): PostgreSQL instead of SQLite, the Redis room bus, and how
  // many processes serve the port (`auto`: one per core).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  // The room bus (docs/scale-out.md, "2. The room bus"): several nodes serving the same rooms.
  // Unset: one process, no bus. The keys it writes start with REDIS_PREFIX.
  REDIS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }).optional(),
  ),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{0,63}:$/, 'letters, digits, _ . - and :, ending with ":"')
    .default('atelier:'),
});

/** Each group of HTTP writes and its limit (`null`: none). */
export interface WriteLimits {
  /** Ballot changes, per participant. */
  ballots: RateLimit | null;
  /** Exports, per facilitator. */
  exports: RateLimit | null;
  /** Strategy imports, per client address (the route takes no token). */
  imports: RateLimit | null;
  /** Workshop creations, per client address (the route takes no token). */
  create: RateLimit | null;
  /** Facilitators' other writes (rounds, reveal, participants, join code), per facilitator. */
  facilitation: RateLimit | null;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | null;
  allowedOrigins: string[];
  maxMessageBytes: number;
  roomGraceMs: number;
  compactLogBytes: number;
  presenceTickMs: number;
  keepaliveMs: number;
  storageProbeMs: number;
  /** Largest size of the database file in bytes (0: no cap but the disk's). */
  dbMaxBytes: number;
  logLevel: string;
  clientDist: string;
  serveSourcemaps: boolean;
  /** Proxies in front whose `X-Forwarded-For` is believed (0: the socket's address counts). */
  trustProxyHops: number;
  /** Bearer token `GET /metrics` asks for; null: only callers on this machine. */
  metricsToken: string | null;
  /** How many failed join attempts are allowed, per address and in all. */
  joinLimits: JoinLimits;
  /** A join code answers 410 this long after the workshop's last activity. */
  joinCodeTtlMs: number;
  /** Caps on the sync endpoint's sockets and each connection's rates. */
  socketLimits: SocketLimitsConfig;
  writeLimits: WriteLimits;
  /** Worker threads reading imports and writing exports; the longest one import and one export may take. */
  workerThreads: number;
  importParseTimeoutMs: number;
  exportTimeoutMs: number;
  /** Workshops idle (no recorded activity) for longer are deleted; `null`: kept until deleted by hand. */
  retentionDays: number | null;
  /** Who to ask about one's data, in the built-in notice; `null` when not set. */
  privacyContact: string | null;
  /** `PRIVACY_NOTICE_FILE`'s content, validated at start-up; `null`: the built-in notice. */
  privacyNotice: NoticeFile | null;
  /** PostgreSQL's connection URL; `null`: SQLite under `dataDir`. */
  databaseUrl: string | null;
  /** Processes serving the port (Node's cluster); more than 1 needs PostgreSQL and Redis. */
  workers: number;
  /** The room bus's Redis (`REDIS_URL`) and key prefix (`REDIS_PREFIX`); `null`: no bus (one process). */
  redis: { url: string; prefix: string } | null;
}

/** Reads the configuration from the environment; a bad value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  if (e.SOCKET_BYTE_BURST < e.MAX_MESSAGE_BYTES) {
    // A burst smaller than the largest allowed message would close a connection for one legal message.
    throw new Error('Invalid configuration: SOCKET_BYTE_BURST must be at least MAX_MESSAGE_BYTES');
  }
  const workers = e.WORKERS === 'auto' ? availableParallelism() : e.WORKERS;
  if (workers > 1 && (!e.DATABASE_URL || !e.REDIS_URL)) {
    // SQLite has one writer and no bus: several processes could neither share nor see each other's rooms.
    throw new Error('Invalid configuration: WORKERS above 1 needs DATABASE_URL and REDIS_URL');
  }
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // The bus carries what every node committed to one shared database; SQLite is one node's alone.
    throw new Error('Invalid configuration: REDIS_URL needs DATABASE_URL (the nodes share PostgreSQL)');
  }
  const publicUrl = e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null;
  const allowedOrigins = e.ALLOWED_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => new URL(s).origin);
  if (publicUrl) allowedOrigins.push(new URL(publicUrl).origin);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    publicUrl,
    allowedOrigins,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    roomGraceMs: e.ROOM_GRACE_MS,
    compactLogBytes: e.COMPACT_LOG_BYTES,
    presenceTickMs: e.PRESENCE_TICK_MS,
    keepaliveMs: e.SYNC_KEEPALIVE_MS,
    storageProbeMs: e.STORAGE_PROBE_MS,
    dbMaxBytes: e.DB_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    clientDist: resolve(e.CLIENT_DIST),
    serveSourcemaps: e.SERVE_SOURCEMAPS === '1' || e.SERVE_SOURCEMAPS === 'true',
    trustProxyHops: e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY || 0),
    metricsToken: e.METRICS_TOKEN || null,
    joinLimits: {
      perMinute: e.JOIN_FAILURES_PER_MINUTE,
      perHour: e.JOIN_FAILURES_PER_HOUR,
      perDay: e.JOIN_FAILURES_PER_DAY,
      globalPerHour: e.JOIN_GLOBAL_FAILURES_PER_HOUR,
      whenSpentPerDay: e.JOIN_FAILURES_WHEN_SPENT_PER_DAY,
    },
    joinCodeTtlMs: e.JOIN_CODE_TTL_DAYS * 86_400_000,
    socketLimits: {
      enabled: e.SOCKET_LIMITS === 'on',
      perAddress: e.SOCKETS_PER_ADDRESS,
      perToken: e.SOCKETS_PER_TOKEN,
      upgradeBurst: e.UPGRADE_BURST,
      upgradesPerSecond: e.UPGRADES_PER_SECOND,
      messageBurst: e.SOCKET_MESSAGE_BURST,
      messagesPerSecond: e.SOCKET_MESSAGES_PER_SECOND,
      byteBurst: e.SOCKET_BYTE_BURST,
      bytesPerSecond: e.SOCKET_BYTES_PER_SECOND,
    },
    writeLimits: {
      ballots: e.HTTP_LIMIT_BALLOTS,
      exports: e.HTTP_LIMIT_EXPORTS,
      imports: e.HTTP_LIMIT_IMPORTS,
      create: e.HTTP_LIMIT_CREATE,
      facilitation: e.HTTP_LIMIT_FACILITATION,
    },
    workerThreads: e.WORKER_THREADS ?? e.IMPORT_WORKERS,
    importParseTimeoutMs: e.IMPORT_PARSE_TIMEOUT_MS,
    exportTimeoutMs: e.EXPORT_TIMEOUT_MS,
    retentionDays: e.RETENTION_DAYS ?? null,
    privacyContact: e.PRIVACY_CONTACT || null,
    privacyNotice: e.PRIVACY_NOTICE_FILE ? readNoticeFile(e.PRIVACY_NOTICE_FILE) : null,
    databaseUrl: e.DATABASE_URL ?? null,
    workers,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
  };
}

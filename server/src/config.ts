import { resolve } from 'node:path';
import { z } from 'zod';
import { type NoticeFile, readNoticeFile } from './privacy/notice';

const Port = z.coerce.number().int().min(0).max(65535);
const Positive = z.coerce.number().int().positive();

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().min(1).default('client/dist'),
  SERVE_SOURCEMAPS: z.enum(['0', '1', 'true', 'false', '']).default(''),
  // How many reverse proxies stand in front (`true` = 1): only then is X-Forwarded-For read.
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|true|false|)$/, 'a number of proxies, true or false')
    .default(''),
  // Personal data (docs/operations.md): idle workshops deleted after this many days (unset: kept),
  // the join page's privacy notice (a JSON file per language) and who to ask about one's data.
  RETENTION_DAYS: z.preprocess((v) => (v === '' ? undefined : v), Positive.max(36_500).optional()),
  PRIVACY_NOTICE_FILE: z.string().default(''),
  PRIVACY_CONTACT: z.string().trim().max(200).default(''),
});

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
  logLevel: string;
  clientDist: string;
  serveSourcemaps: boolean;
  /** Proxies in front whose `X-Forwarded-For` is believed (0: the socket's address counts). */
  trustProxyHops: number;
  /** Workshops idle (no recorded activity) for longer are deleted; `null`: kept until deleted by hand. */
  retentionDays: number | null;
  /** Who to ask about one's data, in the built-in notice; `null` when not set. */
  privacyContact: string | null;
  /** `PRIVACY_NOTICE_FILE`'s content, validated at start-up; `null`: the built-in notice. */
  privacyNotice: NoticeFile | null;
}

/** Reads the configuration from the environment; a bad value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
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
    logLevel: e.LOG_LEVEL,
    clientDist: resolve(e.CLIENT_DIST),
    serveSourcemaps: e.SERVE_SOURCEMAPS === '1' || e.SERVE_SOURCEMAPS === 'true',
    trustProxyHops: e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY || 0),
    retentionDays: e.RETENTION_DAYS ?? null,
    privacyContact: e.PRIVACY_CONTACT || null,
    privacyNotice: e.PRIVACY_NOTICE_FILE ? readNoticeFile(e.PRIVACY_NOTICE_FILE) : null,
  };
}

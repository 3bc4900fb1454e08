/**
 * The socket limits' edges, each from its own loopback address: message, byte and upgrade
 * rates just under and over the server's defaults, and socket churn at the per-address cap.
 * Returns a line per edge saying what happened.
 */
import { sleep } from '../lib/clock';
import { burstSender, churnAtCap, steadySender, upgradeStream } from './attacks';

/** The server's defaults (server/src/config.ts), which the edges aim at. */
export const DEFAULT_LIMITS = {
  perAddress: 1000,
  perToken: 16,
  messageBurst: 600,
  messagesPerS: 300,
  byteBurst: 8 * 1024 * 1024,
  bytesPerS: 2 * 1024 * 1024,
};

export interface EdgesSpec {
  /** Socket base URLs (without the token) of the busy room and of a quiet one. */
  roomUrl: string;
  quietUrl: string;
  /** Participants of the busy room (the flood's), and of the quiet one (held at the cap). */
  flooders: readonly string[];
  quietTokens: readonly string[];
  quick: boolean;
}

/** Bytes per connection in the "bytes over" edge: the burst plus 8 s of the steady rate. */
const OVER_BYTES = DEFAULT_LIMITS.byteBurst + 8 * DEFAULT_LIMITS.bytesPerS;
const OVER_FRAME = 1_000_000;

export async function limitEdges(spec: EdgesSpec, log: (message: string) => void): Promise<string[]> {
  const { roomUrl, quietUrl, flooders, quietTokens, quick } = spec;
  // An edge that never ends is a finding, not a reason to hang the run.
  const bounded = <T>(label: string, work: Promise<T>): Promise<T | string> =>
    Promise.race([
      work.then((value) => {
        log(`edge done: ${label}`);
        return value;
      }),
      sleep(90_000).then(() => `DID NOT FINISH within 90 s`),
    ]);
  const tokenUrl = (url: string, token: string | undefined) =>
    `${url}?token=${encodeURIComponent(token ?? '')}`;
  const seconds = quick ? 4 : 10;
  const overFrames = Math.ceil(OVER_BYTES / OVER_FRAME);
  const [underMessages, underBytes, overMessages, overBytes, upgradesUnder, upgradesOver, churn] =
    await Promise.all([
      bounded(
        'messages under',
        Promise.all(
          [0, 1].map((i) =>
            steadySender(
              tokenUrl(roomUrl, flooders[i]),
              '127.0.2.1',
              DEFAULT_LIMITS.messagesPerS * 0.9,
              8,
              seconds,
            ),
          ),
        ),
      ),
      bounded(
        'bytes under',
        steadySender(tokenUrl(roomUrl, flooders[2]), '127.0.2.1', 22, 64 * 1024, seconds),
      ), // 1.4 MiB/s
      bounded(
        'messages over',
        sequential(20, () => burstSender(tokenUrl(roomUrl, flooders[3]), '127.0.2.2', 1000, 8)),
      ),
      // Over the byte rate however slowly the server reads: the burst plus 8 s of the rate. (10 ×
      // 1 MB, as first written, is only 1.2 MiB over the 8 MiB burst: read over more than 0.6 s,
      // as under the flood, it stays within the rate and is rightly left open.)
      bounded(
        'bytes over',
        sequential(5, () => burstSender(tokenUrl(roomUrl, flooders[4]), '127.0.2.2', overFrames, OVER_FRAME)),
      ),
      bounded('upgrades under', upgradeStream(roomUrl, '127.0.2.3', 90, seconds)),
      bounded('upgrades over', upgradeStream(roomUrl, '127.0.2.4', 400, quick ? 4 : 6)),
      bounded(
        'churn',
        churnAtCap(quietUrl, quietTokens, 12, '127.0.2.5', DEFAULT_LIMITS.perAddress, 40, 50, seconds),
      ),
    ]);
  const show = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? JSON.stringify(count(value))
        : JSON.stringify(value);
  return [
    `edge, messages at 90% of the rate (270/s, 2 connections, ${seconds} s): ${show(underMessages)}`,
    `edge, bytes at 70% of the rate (22 × 64 KiB/s, ${seconds} s): ${show(underBytes)}`,
    `edge, 1,000 messages at once (20 connections): ${show(overMessages)}`,
    `edge, ${overFrames} × 1,000,000 bytes at once (5 connections): ${show(overBytes)}`,
    `edge, upgrades at 90/s for ${seconds} s (forged tokens): ${show(upgradesUnder)}`,
    `edge, upgrades at 400/s (forged tokens): ${show(upgradesOver)}`,
    `edge, sockets at the per-address cap (${DEFAULT_LIMITS.perAddress} + 40 asked, then 50 closed and 90 asked each second for ${seconds} s): ${show(churn)}`,
  ];
}

async function sequential<T>(n: number, make: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await make());
  return out;
}

function count(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

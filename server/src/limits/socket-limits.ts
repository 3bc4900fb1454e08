import { KeyedBuckets, retryAfterSeconds, TokenBucket } from './token-bucket';

/** Which cap refused a socket or closed a connection (the `limit` field of the log line). */
export type SocketLimitName =
  | 'socket-address'
  | 'socket-token'
  | 'upgrade-rate'
  | 'message-rate'
  | 'byte-rate';

export interface SocketLimitsConfig {
  /** Off: no cap at all (a proxy in front limits, or a benchmark measures their cost). */
  enabled: boolean;
  /** Open sockets from one client address. */
  perAddress: number;
  /** Open sockets carrying one token (counted by the token string, before it is looked up). */
  perToken: number;
  /** Upgrades from one address: a burst of `upgradeBurst`, refilled at `upgradesPerSecond`. */
  upgradeBurst: number;
  upgradesPerSecond: number;
  /** Messages on one connection: a burst, then a steady rate. */
  messageBurst: number;
  messagesPerSecond: number;
  /** Payload bytes on one connection: a burst (at least the largest message), then a steady rate. */
  byteBurst: number;
  bytesPerSecond: number;
}

/** An upgrade refused before the handshake: which cap, and when trying again may succeed. */
export interface UpgradeRefusal {
  limit: Extract<SocketLimitName, 'socket-address' | 'socket-token' | 'upgrade-rate'>;
  retryAfterS: number;
}

/** An admitted socket's place under the caps, given back once when the socket closes. */
export interface SocketSlot {
  release(): void;
}

/** Says, message by message, whether a connection is still within its rates. */
export interface ConnectionRate {
  /** `null` while within the rates; otherwise the rate this message went past. */
  exceeded(bytes: number): Extract<SocketLimitName, 'message-rate' | 'byte-rate'> | null;
}

/** A sockets cap frees a slot only when someone leaves: a guess worth retrying after. */
const CAP_RETRY_AFTER_S = 10;

const NO_SLOT: SocketSlot = { release() {} };
const NO_RATE: ConnectionRate = { exceeded: () => null };

/**
 * The sync endpoint's caps, all decided from counters in memory before the WebSocket
 * handshake (no token lookup, no room load): open sockets per address and per token, upgrades
 * per second per address; and, once connected, each connection's message and byte rates.
 */
export class SocketLimits {
  private readonly byAddress = new Map<string, number>();
  private readonly byToken = new Map<string, number>();
  private readonly upgrades: KeyedBuckets;

  constructor(
    readonly config: SocketLimitsConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.upgrades = new KeyedBuckets(config.upgradeBurst, config.upgradesPerSecond, { now });
  }

  /** Takes a slot for a socket from `address` with `token` (the raw query value), or says why not. */
  admit(address: string, token: string | null): SocketSlot | UpgradeRefusal {
    if (!this.config.enabled) return NO_SLOT;
    if (!this.upgrades.take(address)) {
      return {
        limit: 'upgrade-rate',
        retryAfterS: retryAfterSeconds(this.upgrades.waitMs(address)),
      };
    }
    if ((this.byAddress.get(address) ?? 0) >= this.config.perAddress) {
      return { limit: 'socket-address', retryAfterS: CAP_RETRY_AFTER_S };
    }
    if (token !== null && (this.byToken.get(token) ?? 0) >= this.config.perToken) {
      return { limit: 'socket-token', retryAfterS: CAP_RETRY_AFTER_S };
    }
    increment(this.byAddress, address);
    if (token !== null) increment(this.byToken, token);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        decrement(this.byAddress, address);
        if (token !== null) decrement(this.byToken, token);
      },
    };
  }

  /** Fresh message and byte buckets for one connection. */
  connectionRate(): ConnectionRate {
    if (!this.config.enabled) return NO_RATE;
    const { messageBurst, messagesPerSecond, byteBurst, bytesPerSecond } = this.config;
    // One clock reading per message for both buckets: this runs for every frame received.
    let at = this.now();
    const clock = () => at;
    const messages = new TokenBucket(messageBurst, messagesPerSecond, clock);
    const bytes = new TokenBucket(byteBurst, bytesPerSecond, clock);
    const now = this.now;
    return {
      exceeded(size) {
        at = now();
        if (!messages.take()) return 'message-rate';
        if (!bytes.take(size)) return 'byte-rate';
        return null;
      },
    };
  }

  /** Open sockets counted for `address` (tests, metrics). */
  openFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }
}

export function isRefusal(admission: SocketSlot | UpgradeRefusal): admission is UpgradeRefusal {
  return 'limit' in admission;
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Entries at zero go, so the maps hold only keys with open sockets. */
function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 0) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

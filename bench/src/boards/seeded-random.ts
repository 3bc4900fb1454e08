/**
 * A small seeded PRNG (mulberry32), so a generated board is byte-for-byte the same on every
 * run and every server: results stay comparable and a failure can be replayed.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A UUID v4 string (the shape note ids have when a browser creates them). */
  uuid(): string;
  /** `bytes` random bytes as base64url (the shape of the server's workshop and participant ids). */
  base64url(bytes: number): string;
  /** A 32-bit unsigned integer, e.g. a Yjs client id. */
  uint32(): number;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 0x1_0000_0000;
  const int = (max: number): number => Math.floor(next() * max);
  const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));
  return {
    next,
    int,
    uint32,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    uuid: () => {
      const b = bytes(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const hex = b.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    base64url: (n) => bytes(n).toString('base64url'),
  };
}

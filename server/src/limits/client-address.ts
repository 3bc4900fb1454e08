import { isIP } from 'node:net';

/**
 * The address a request comes from, as every limit keys it: the socket's peer, or — only when
 * the operator says `hops` proxies stand in front (`TRUST_PROXY`) — the address the nearest
 * trusted proxy saw, read from the right of `X-Forwarded-For` (a client can write anything on
 * its left). IPv4-mapped IPv6 (`::ffff:127.0.0.2`) is shown as IPv4, and an IPv6 address is
 * reduced to its /64, the block one subscriber usually holds.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  let address = peer ?? 'unknown';
  if (hops > 0 && forwardedFor !== undefined) {
    const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    // The last entry was written by the nearest proxy; with `hops` proxies, the client is the
    // `hops`-th from the right (fewer entries: the leftmost, which the first proxy wrote).
    const candidate = chain[Math.max(0, chain.length - hops)];
    if (candidate && isIP(candidate)) address = candidate;
  }
  return normalise(address);
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) === 6) return `${ipv6Prefix64(address)}::/64`;
  return address;
}

/** The first four groups of an IPv6 address, expanded (`2001:db8:0:1`). */
function ipv6Prefix64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':');
}

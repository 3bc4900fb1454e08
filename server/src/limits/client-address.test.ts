import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('127.0.0.2', '6.6.6.6', 0)).toBe('127.0.0.2');
  });

  it('reads the address the trusted proxy appended, not what the client wrote before it', () => {
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', ['203.0.113.7'], 1)).toBe('203.0.113.7');
  });

  it('keeps the peer when the header is missing or not an address', () => {
    expect(clientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'not-an-ip', 1)).toBe('127.0.0.1');
  });

  it('shows IPv4-mapped addresses as IPv4 and groups IPv6 by /64', () => {
    expect(clientAddress('::ffff:127.0.0.3', undefined, 0)).toBe('127.0.0.3');
    expect(clientAddress('2001:db8:0:1:aaaa::1', undefined, 0)).toBe('2001:db8:0:1::/64');
    expect(clientAddress('2001:db8:0:1:bbbb::2', undefined, 0)).toBe('2001:db8:0:1::/64');
    expect(clientAddress('::1', undefined, 0)).toBe('0:0:0:0::/64');
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closeReason, MAX_CLOSE_REASON_BYTES } from './close-reason';

describe('closeReason', () => {
  it('names the connection after the reason', () => {
    expect(closeReason('invalid token', 'abc-123')).toBe('invalid token (connection abc-123)');
  });

  it('fits 123 bytes with the longest id a proxy may give, cutting the reason on a character, never the id', () => {
    const id = 'x'.repeat(64);
    const reason = closeReason('é'.repeat(100), id);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    expect(reason.endsWith(`(connection ${id})`)).toBe(true);
    expect(reason).not.toContain('\uFFFD');
    expect(reason).toMatch(/^é+ \(connection/);
  });

  it('keeps every reason the server gives whole with a generated id', () => {
    const id = randomUUID();
    for (const reason of ['drafts of another participant', 'text frames are not part of the protocol']) {
      expect(closeReason(reason, id)).toBe(`${reason} (connection ${id})`);
    }
  });
});

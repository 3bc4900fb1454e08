import { describe, expect, it } from 'vitest';
import { AppliedSeqs } from './applied';
import { decodeEntry, encodeEntry, MAX_CARRIED_BYTES } from './entry';

/** Fields as XREAD gives them back: every name and value a Buffer. */
const asRead = (fields: (string | Buffer)[]) =>
  fields.map((f) => (typeof f === 'string' ? Buffer.from(f) : f));

describe('bus entry', () => {
  it('round-trips a turn of several updates', () => {
    const updates = [new Uint8Array([1, 2, 3]), new Uint8Array([]), new Uint8Array(300).fill(7)];
    const entry = decodeEntry(asRead(encodeEntry({ node: 'a', from: 4, to: 6, updates })));
    expect(entry).toEqual({ node: 'a', from: 4, to: 6, updates });
  });

  it('leaves the bytes out of a turn too large to carry', () => {
    const big = new Uint8Array(MAX_CARRIED_BYTES + 1);
    const fields = encodeEntry({ node: 'a', from: 1, to: 1, updates: [big] });
    expect(fields).not.toContain('u');
    expect(decodeEntry(asRead(fields))).toEqual({ node: 'a', from: 1, to: 1, updates: null });
  });

  it('refuses what is not an entry', () => {
    const bad: (string | Buffer)[][] = [
      ['a', '1', 'z', '1'],
      ['n', 'a', 'a', '0', 'z', '1'],
      ['n', 'a', 'a', '2', 'z', '1'],
      ['n', 'a', 'a', '1.5', 'z', '2'],
      ['n', 'a', 'a', '1', 'z', '99999999999999999'],
      ['n', 'a', 'a', '1', 'z', '2', 'u', Buffer.from([1, 9])], // one update for two seqs
      ['n', 'a', 'a', '1', 'z', '1', 'u', Buffer.from([5, 1])], // a length past the end
    ];
    for (const fields of bad) expect(decodeEntry(asRead(fields))).toBeNull();
  });
});

describe('applied seqs', () => {
  it('advances over contiguous ranges and keeps islands until the hole fills', () => {
    const seqs = new AppliedSeqs(3);
    expect(seqs.holds(2, 3)).toBe(true);
    seqs.add(6, 7); // this node's turn, while another's 4..5 is on its way
    expect(seqs.upTo).toBe(3);
    expect(seqs.holds(6, 7)).toBe(true);
    expect(seqs.holds(5, 6)).toBe(false);
    seqs.add(4, 5);
    expect(seqs.upTo).toBe(7);
    seqs.add(9, 9);
    seqs.add(8, 8);
    expect(seqs.upTo).toBe(9);
    seqs.add(1, 12);
    expect(seqs.upTo).toBe(12);
  });
});

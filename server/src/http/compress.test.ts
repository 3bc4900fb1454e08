import { describe, expect, it } from 'vitest';
import { isCompressible, negotiateEncoding } from './compress';

describe('negotiateEncoding', () => {
  it('prefers br, then gzip, among what the request accepts', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
  });

  it('honours q=0 refusals and the * wildcard', () => {
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity, *;q=0')).toBeNull();
  });

  it('chooses only among the encodings available (a file’s precompressed copies)', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeNull();
    expect(negotiateEncoding('br, gzip', [])).toBeNull();
  });
});

describe('isCompressible', () => {
  it('is true for text, JSON, JavaScript and SVG, false for compressed formats', () => {
    for (const type of [
      'text/html; charset=utf-8',
      'text/markdown; charset=utf-8',
      'application/json',
      'text/javascript',
      'image/svg+xml',
    ]) {
      expect(isCompressible(type), type).toBe(true);
    }
    for (const type of [
      'application/zip',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/png',
      null,
    ]) {
      expect(isCompressible(type), String(type)).toBe(false);
    }
  });
});

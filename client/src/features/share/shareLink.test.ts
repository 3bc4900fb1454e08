import { describe, expect, it } from 'vitest';
import { participantLinkFor } from './shareLink';

describe('participantLinkFor', () => {
  it('keeps the link the server gave while the code is the same', () => {
    expect(
      participantLinkFor('ABC234', 'https://atelier.example.org/join/ABC234', 'http://localhost:5173'),
    ).toBe('https://atelier.example.org/join/ABC234');
  });

  it('puts a new code on the server’s base, path included', () => {
    expect(participantLinkFor('XYZ789', 'https://atelier.example.org/join/ABC234', 'http://x')).toBe(
      'https://atelier.example.org/join/XYZ789',
    );
    expect(participantLinkFor('XYZ789', 'https://example.org/atelier/join/ABC234', 'http://x')).toBe(
      'https://example.org/atelier/join/XYZ789',
    );
  });

  it('falls back on this page’s origin without a usable link', () => {
    for (const given of [undefined, null, '', 'not a link', 'javascript:alert(1)/join/ABC234']) {
      expect(participantLinkFor('XYZ789', given, 'http://localhost:5173')).toBe(
        'http://localhost:5173/join/XYZ789',
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { addressToType, participantLinkFor, pickShareOrigin } from './shareLink';

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

describe('participantLinkFor with a chosen share origin', () => {
  it('puts the code on the chosen origin, whatever link the server gave', () => {
    expect(
      participantLinkFor(
        'XYZ789',
        'http://10.0.0.5:8787/join/ABC234',
        'http://localhost:8787',
        'http://192.168.1.20:8787',
      ),
    ).toBe('http://192.168.1.20:8787/join/XYZ789');
  });

  it('keeps the server’s link when nothing is chosen', () => {
    expect(
      participantLinkFor('XYZ789', 'http://10.0.0.5:8787/join/ABC234', 'http://localhost:8787', null),
    ).toBe('http://10.0.0.5:8787/join/XYZ789');
  });
});

describe('pickShareOrigin', () => {
  const origins = ['http://10.0.0.5:8787', 'http://192.168.1.20:8787'];
  it('keeps the facilitator’s earlier pick while the server still offers it', () => {
    expect(pickShareOrigin(origins, 'http://192.168.1.20:8787')).toBe('http://192.168.1.20:8787');
  });
  it('takes the first one otherwise, and none when there is none', () => {
    expect(pickShareOrigin(origins, 'http://172.16.0.9:8787')).toBe('http://10.0.0.5:8787');
    expect(pickShareOrigin(origins, null)).toBe('http://10.0.0.5:8787');
    expect(pickShareOrigin([], 'http://10.0.0.5:8787')).toBeNull();
  });
});

describe('addressToType', () => {
  it('drops the scheme, keeps host, port and path', () => {
    expect(addressToType('http://192.168.1.20:8787')).toBe('192.168.1.20:8787');
    expect(addressToType('https://example.org/atelier')).toBe('example.org/atelier');
  });
});

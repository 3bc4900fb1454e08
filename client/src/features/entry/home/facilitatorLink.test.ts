import { describe, expect, it } from 'vitest';
import { facilitatorLinkTarget } from './facilitatorLink';

describe('a pasted facilitator link', () => {
  it('opens the workshop’s board here, with its token', () => {
    expect(facilitatorLinkTarget('  https://atelier.example.fr/w/abc_12-x#token=t0k.en-_  ')).toBe(
      '/w/abc_12-x#token=t0k.en-_',
    );
    // Made for the machine's network address, pasted on localhost: opened on this origin.
    expect(facilitatorLinkTarget('http://192.168.1.20:8787/w/w1#token=abc')).toBe('/w/w1#token=abc');
    expect(facilitatorLinkTarget('/w/w1#token=abc')).toBe('/w/w1#token=abc');
  });

  it('opens a strategy’s page here, with its token (the link a co-facilitator is given)', () => {
    expect(facilitatorLinkTarget('https://atelier.example.fr/s/st_1#token=abc')).toBe('/s/st_1#token=abc');
    expect(facilitatorLinkTarget('https://atelier.example.fr/s/st_1')).toBeNull();
  });

  it('refuses what is not a facilitator link', () => {
    expect(facilitatorLinkTarget('')).toBeNull();
    expect(facilitatorLinkTarget('https://atelier.example.fr/w/w1')).toBeNull();
    expect(facilitatorLinkTarget('https://atelier.example.fr/join/ABC234')).toBeNull();
    expect(facilitatorLinkTarget('https://atelier.example.fr/w/a b#token=x')).toBeNull();
    expect(facilitatorLinkTarget('http://[oops')).toBeNull();
  });
});

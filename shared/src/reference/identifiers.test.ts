import { describe, expect, it } from 'vitest';
import { isInseeCommune, isSiren, isSiret } from './identifiers';

describe('public identifiers', () => {
  it('checks a SIREN’s and a SIRET’s Luhn key', () => {
    // The DINUM's SIREN and its SIRET, as published in the Sirene directory.
    expect(isSiren('130025265')).toBe(true);
    expect(isSiret('13002526500013')).toBe(true);
    expect(isSiren('130025266')).toBe(false);
    expect(isSiret('13002526500014')).toBe(false);
    expect(isSiret('1300252650001')).toBe(false);
    expect(isSiret('1300252650001A')).toBe(false);
  });

  it('takes La Poste’s establishments, numbered by the sum of their digits', () => {
    // The head office passes Luhn; 3+5+6+1 = 15 passes La Poste's rule, 3+5+6+2 = 16 neither.
    expect(isSiret('35600000000048')).toBe(true);
    expect(isSiret('35600000000001')).toBe(true);
    expect(isSiret('35600000000002')).toBe(false);
  });

  it('takes a commune’s INSEE code, Corsica’s included', () => {
    expect(isInseeCommune('44109')).toBe(true);
    expect(isInseeCommune('2A004')).toBe(true);
    expect(isInseeCommune('2C004')).toBe(false);
    expect(isInseeCommune('4410')).toBe(false);
  });
});

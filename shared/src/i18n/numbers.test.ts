import { describe, expect, it } from 'vitest';
import { formatEuros, formatNumber, formatNumberInput, parseNumberInput } from './numbers';

/** Intl separates French thousands with narrow no-break spaces: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers in the interface language', () => {
  it('writes euros the French way in French and the English way in English', () => {
    expect(plain(formatEuros(1_250_000, 'fr', { whole: true }))).toBe('1 250 000 €');
    expect(plain(formatEuros(420_000.4, 'fr', { whole: true }))).toBe('420 000 €');
    expect(formatEuros(1_250_000, 'en', { whole: true })).toBe('€1,250,000');
  });

  it('writes measured values with the locale’s decimal mark', () => {
    expect(plain(formatNumber('fr', 1250.5))).toBe('1 250,5');
    expect(formatNumber('en', 1250.5)).toBe('1,250.5');
    expect(formatNumberInput('fr', -1250.5)).toBe('-1250,5');
    expect(formatNumberInput('en', 0.25)).toBe('0.25');
  });

  it('reads what people type, and says when it is not a number', () => {
    expect(parseNumberInput('fr', '1 250,5')).toBe(1250.5);
    expect(parseNumberInput('fr', '1\u202f250')).toBe(1250);
    expect(parseNumberInput('fr', '12.5')).toBe(12.5);
    expect(parseNumberInput('fr', '-3')).toBe(-3);
    expect(parseNumberInput('fr', '\u22123')).toBe(-3);
    expect(parseNumberInput('en', '1,250.5')).toBe(1250.5);
    expect(parseNumberInput('fr', '  ')).toBeNull();
    expect(parseNumberInput('fr', 'douze')).toBeUndefined();
    expect(parseNumberInput('fr', '1,2,3')).toBeUndefined();
    expect(parseNumberInput('en', 'NaN')).toBeUndefined();
    expect(parseNumberInput('en', 'Infinity')).toBeUndefined();
    expect(parseNumberInput('fr', '1e400')).toBeUndefined();
  });
});

import { formatAmount, formatDate, formatEuros, parseAmount } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { checkAmount } from './format';

/** Intl writes French group separators as narrow no-break spaces: compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts and dates in the interface language', () => {
  it('writes euros the French way in French', () => {
    expect(plain(formatEuros(1_250_000, 'fr'))).toBe('1 250 000 €');
    expect(plain(formatEuros(12.5, 'fr'))).toBe('12,50 €');
    expect(formatEuros(1_250_000, 'en')).toBe('€1,250,000');
    expect(plain(formatAmount(1_250_000, 'fr'))).toBe('1 250 000');
  });

  it('reads amounts as people type them', () => {
    expect(parseAmount('1 250 000', 'fr')).toBe(1_250_000);
    expect(parseAmount('1\u202f250\u202f000 €', 'fr')).toBe(1_250_000);
    expect(parseAmount('1.250.000,50', 'fr')).toBe(1_250_000.5);
    expect(parseAmount('12,5', 'fr')).toBe(12.5);
    expect(parseAmount('12.5', 'fr')).toBe(12.5);
    expect(parseAmount('1,250,000', 'en')).toBe(1_250_000);
    expect(parseAmount('-500', 'fr')).toBe(-500);
    expect(parseAmount('  ', 'fr')).toBeNull();
    expect(parseAmount('douze', 'fr')).toBeNaN();
    expect(parseAmount('1,2,3', 'fr')).toBeNaN();
  });

  it('names what is wrong with an amount', () => {
    expect(checkAmount('-500', 'fr', false)).toEqual({ ok: false, problem: 'negative' });
    expect(checkAmount('abc', 'fr', true)).toEqual({ ok: false, problem: 'notNumber' });
    expect(checkAmount('', 'fr', false)).toEqual({ ok: false, problem: 'required' });
    expect(checkAmount('', 'fr', true)).toEqual({ ok: true, value: null });
    expect(checkAmount('1e15', 'fr', true)).toEqual({ ok: false, problem: 'notNumber' });
    expect(checkAmount('9999999999999', 'fr', true)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(checkAmount('300 000', 'fr', false)).toEqual({ ok: true, value: 300_000 });
  });

  it('writes dates the French way in French', () => {
    expect(formatDate('2026-12-03', 'fr')).toBe('3 déc. 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('3 Dec 2026');
    expect(formatDate('nope', 'fr')).toBe('nope');
  });
});

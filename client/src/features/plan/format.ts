import type { Locale } from '@atelier/shared';

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const euroFormats = new Map<Locale, Intl.NumberFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const plainFormats = new Map<Locale, Intl.NumberFormat>();

function cached(cache: Map<Locale, Intl.NumberFormat>, locale: Locale, options: Intl.NumberFormatOptions) {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(locale, format);
  }
  return format;
}

/** An amount in whole euros, the way the locale writes it: `1 250 000 €` in French, `€1,250,000` in English. */
export function formatEuros(locale: Locale, amount: number): string {
  return cached(euroFormats, locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** A measured value for reading (`1 250,5` in French). */
export function formatNumber(locale: Locale, value: number): string {
  return cached(numberFormats, locale, { maximumFractionDigits: 6 }).format(value);
}

/** A value as it is typed back into a field: no grouping, the locale's decimal mark (`1250,5`). */
export function formatNumberInput(locale: Locale, value: number): string {
  return cached(plainFormats, locale, { maximumFractionDigits: 10, useGrouping: false })
    .format(value)
    .replace('\u2212', '-');
}

/**
 * Reads a number typed in a field: `''` is no value (`null`); French accepts `1 250,5` and
 * `1250.5`, English `1,250.5`. Returns `undefined` when the text is not a number.
 */
export function parseNumberInput(locale: Locale, text: string): number | null | undefined {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (s === '') return null;
  if (locale === 'fr') s = s.replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** A share in whole percent (`46 %` in French). */
export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    ratio,
  );
}

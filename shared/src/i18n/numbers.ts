import type { Locale } from '../schema/enums';

/**
 * Numbers, euros and dates as each interface language writes and reads them: `1 250 000 €`
 * and `3 déc. 2026` in French, `€1,250,000` and `3 Dec 2026` in English. Shared so that the
 * exported reports write them as the screens do.
 */

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Intl formats are costly to build: one per locale and kind. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

function euroFormat(locale: Locale, cents: boolean, currency: boolean): Intl.NumberFormat {
  return numberFormat(locale, `euro:${cents}:${currency}`, {
    ...(currency ? { style: 'currency', currency: 'EUR' } : {}),
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  });
}

/**
 * An amount in euros: with its cents when it has some, or rounded to whole euros with
 * `whole` (totals in a table).
 */
export function formatEuros(
  amount: number,
  locale: Locale,
  { whole = false }: { whole?: boolean } = {},
): string {
  return euroFormat(locale, !whole && !Number.isInteger(amount), true).format(amount);
}

/** An amount for an input field, without the currency sign: `1 250 000`, `12,50`. */
export function formatAmount(amount: number, locale: Locale): string {
  return euroFormat(locale, !Number.isInteger(amount), false).format(amount);
}

/**
 * Reads an amount typed by a person: spaces (also non-breaking), a currency sign and the
 * locale's thousands separators are allowed; French takes a decimal comma (a dot too).
 * `null` for an empty field, `NaN` when it is not a number.
 */
export function parseAmount(input: string, locale: Locale): number | null {
  let text = input.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR|EUR$/i, '');
  if (text === '') return null;
  if (locale === 'fr') {
    // "1.250.000,50" or "1250000,5" or "1250000.5"
    if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
    else if ((text.match(/\./g) ?? []).length > 1) text = text.replace(/\./g, '');
  } else {
    text = text.replace(/,/g, '');
  }
  return /^[-+−]?\d+(\.\d+)?$/.test(text) ? Number(text.replace('−', '-')) : Number.NaN;
}

/** A measured value for reading (`1 250,5` in French). */
export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale, 'number', { maximumFractionDigits: 6 }).format(value);
}

/** A score or mean score for reading: one decimal at most (`3,5`). */
export function formatScore(locale: Locale, value: number): string {
  return formatNumber(locale, Math.round(value * 10) / 10);
}

/** A value as it is typed back into a field: no grouping, the locale's decimal mark (`1250,5`). */
export function formatNumberInput(locale: Locale, value: number): string {
  return numberFormat(locale, 'input', { maximumFractionDigits: 10, useGrouping: false })
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
  return numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A `YYYY-MM-DD` date as the locale writes it: `3 déc. 2026`, `3 Dec 2026`. */
export function formatDate(isoDate: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : format.format(date);
}

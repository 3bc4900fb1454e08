import { Euros, type Locale } from '@atelier/shared';
import type { MessageKey } from '../../i18n/translate';

const NUMBER_LOCALES: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const euroFormats = new Map<string, Intl.NumberFormat>();
function euroFormat(locale: Locale, cents: boolean, currency: boolean): Intl.NumberFormat {
  const key = `${locale}:${cents}:${currency}`;
  let format = euroFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[locale], {
      ...(currency ? { style: 'currency', currency: 'EUR' } : {}),
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    });
    euroFormats.set(key, format);
  }
  return format;
}

/** An amount in euros as the locale writes it: `1 250 000 €` in French, `€1,250,000` in English. */
export function formatEuros(amount: number, locale: Locale): string {
  return euroFormat(locale, !Number.isInteger(amount), true).format(amount);
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

export type AmountProblem = 'required' | 'notNumber' | 'negative' | 'tooLarge';

/** The message shown under an amount field for each problem. */
export const amountMessage: Record<AmountProblem, MessageKey> = {
  required: 'sheet.error.required',
  notNumber: 'sheet.error.notNumber',
  negative: 'sheet.error.negative',
  tooLarge: 'sheet.error.tooLarge',
};

/** Checks a typed amount like the commands do (`Euros`), naming the problem for the message. */
export function checkAmount(
  input: string,
  locale: Locale,
  optional: boolean,
): { ok: true; value: number | null } | { ok: false; problem: AmountProblem } {
  const value = parseAmount(input, locale);
  if (value === null) return optional ? { ok: true, value: null } : { ok: false, problem: 'required' };
  if (Number.isNaN(value)) return { ok: false, problem: 'notNumber' };
  if (value < 0) return { ok: false, problem: 'negative' };
  const parsed = Euros.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: 'tooLarge' };
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A `YYYY-MM-DD` date as the locale writes it: `3 déc. 2026`, `3 Dec 2026`. */
export function formatDate(isoDate: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(NUMBER_LOCALES[locale], {
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

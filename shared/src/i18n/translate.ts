import type { Locale } from '../schema/enums';
import { en } from './en';
import { fr, type MessageKey } from './fr';

/**
 * The app's words in French and English, shared by the client (its screens) and the server
 * (the exported reports), so a label reads the same on screen and in the Word file.
 */
export type { MessageKey };

/** Keys that exist in both plural forms, named without their `_one` / `_other` suffix. */
export type PluralStem = {
  [K in MessageKey]: K extends `${infer S}_one` ? (`${S}_other` extends MessageKey ? S : never) : never;
}[MessageKey];

export type Vars = Record<string, string | number>;

/**
 * French typography, applied to the dictionary's templates (never to the values filled in):
 * the space before `:` and inside `« »` becomes a no-break space, the one before `; ! ?` a
 * narrow no-break space, so a line never starts with a colon or a closing guillemet. The
 * dictionary is written with plain spaces, easy to type and to review; new keys get it too.
 */
export function frenchSpacing(template: string): string {
  return template
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/ ([:»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0');
}

/**
 * Spreadsheet column headers (`export.tables.*`) keep plain spaces: people type them in
 * formulas and scripts to find a column.
 */
export function typesetKey(key: string): boolean {
  return !key.startsWith('export.tables.');
}

const typesetFr = Object.fromEntries(
  Object.entries(fr).map(([key, template]) => [key, typesetKey(key) ? frenchSpacing(template) : template]),
) as Record<MessageKey, string>;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { fr: typesetFr, en };

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return interpolate(DICTIONARIES[locale][key], vars);
}

/** French treats 0 and 1 as singular, English only 1: `Intl.PluralRules` knows. */
export function translatePlural(locale: Locale, stem: PluralStem, n: number, vars?: Vars): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
  return translate(locale, `${stem}_${form}` as MessageKey, { n, ...vars });
}

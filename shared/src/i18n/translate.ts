import type { Locale } from '../schema/enums';
import { en } from './en';
import { type ExportKey, fr } from './fr';

/**
 * The exported files' words in French and English (fr.ts, en.ts), for the server's reports and
 * tables; the client's screens add their own dictionary over them with `translatorFor`, so a
 * label reads the same on screen and in the Word file.
 */
export type { ExportKey };

/** Keys of `K` that exist in both plural forms, named without their `_one` / `_other` suffix. */
export type PluralStemOf<K extends string> = {
  [P in K]: P extends `${infer S}_one` ? (`${S}_other` extends K ? S : never) : never;
}[K];

export type ExportPluralStem = PluralStemOf<ExportKey>;

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

/** A French dictionary as shown: `frenchSpacing` on every template `typesetKey` allows. */
export function typesetFrench<K extends string>(dictionary: Record<K, string>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(dictionary).map(([key, template]) => [
      key,
      typesetKey(key) ? frenchSpacing(template) : template,
    ]),
  ) as Record<K, string>;
}

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The translate functions over one dictionary per language, French as written (typeset here). */
export function translatorFor<K extends string>(dictionaries: Record<Locale, Record<K, string>>) {
  const shown: Record<Locale, Record<K, string>> = {
    fr: typesetFrench(dictionaries.fr),
    en: dictionaries.en,
  };
  const translate = (locale: Locale, key: K, vars?: Vars): string => interpolate(shown[locale][key], vars);
  /** French treats 0 and 1 as singular, English only 1: `Intl.PluralRules` knows. */
  const translatePlural = (locale: Locale, stem: PluralStemOf<K>, n: number, vars?: Vars): string => {
    const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
    return translate(locale, `${stem}_${form}` as K, { n, ...vars });
  };
  return { translate, translatePlural };
}

/** The exported files' words: `translate(locale, key, vars)`, `translatePlural(locale, stem, n, vars)`. */
export const { translate, translatePlural } = translatorFor<ExportKey>({ fr, en });

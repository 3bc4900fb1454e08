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

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { fr, en };

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

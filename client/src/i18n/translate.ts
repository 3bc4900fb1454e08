import {
  type ExportKey,
  en as exportEn,
  fr as exportFr,
  type Locale,
  type PluralStemOf,
  translatorFor,
  type Vars,
} from '@atelier/shared';
import { en } from './en';
import { fr, type ScreenKey } from './fr';

// The screens' words are here (fr.ts, en.ts); the words the exported files use too (steps,
// sheet fields, votes' results…) are in @atelier/shared's dictionary, which the server's
// reports use. A screen looks a key up in both.
export { interpolate, type Vars } from '@atelier/shared';
export type { ExportKey, ScreenKey };

/** Any word a screen may show: its own, or one the exported files use too. */
export type MessageKey = ScreenKey | ExportKey;

/** Keys that exist in both plural forms, named without their `_one` / `_other` suffix. */
export type PluralStem = PluralStemOf<MessageKey>;

/** Compiles only while no key is in both dictionaries, so a screen's word never hides an exported one. */
type OneDictionaryPerKey = [Extract<ScreenKey, ExportKey>] extends [never]
  ? Record<Locale, Record<MessageKey, string>>
  : { keysInBothDictionaries: Extract<ScreenKey, ExportKey> };

const DICTIONARIES: OneDictionaryPerKey = {
  fr: { ...exportFr, ...fr },
  en: { ...exportEn, ...en },
};

export const { translate, translatePlural } = translatorFor<MessageKey>(DICTIONARIES);

/** The translation functions a component receives from `useT()`. */
export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  plural: (stem: PluralStem, n: number, vars?: Vars) => string;
  locale: Locale;
}

export function makeTranslator(locale: Locale): Translator {
  const t = ((key: MessageKey, vars?: Vars) => translate(locale, key, vars)) as Translator;
  t.plural = (stem, n, vars) => translatePlural(locale, stem, n, vars);
  t.locale = locale;
  return t;
}

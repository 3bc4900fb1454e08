import {
  type Locale,
  type MessageKey,
  type PluralStem,
  translate,
  translatePlural,
  type Vars,
} from '@atelier/shared';

// The dictionaries and the translate functions live in shared/src/i18n (the server's reports use them too).
export {
  interpolate,
  type MessageKey,
  type PluralStem,
  translate,
  translatePlural,
  type Vars,
} from '@atelier/shared';

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

import { LOCALES, type Locale } from '@atelier/shared';
import { create } from 'zustand';
import { readPreference, writePreference } from '../ui/devicePreference';
import { makeTranslator, type Translator } from './translate';

const STORAGE_KEY = 'atelier:locale';

/** The browser's preferred language if we speak it, French otherwise (most users are French). */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base ?? '')) return base as Locale;
  }
  return 'fr';
}

function readStored(): Locale | null {
  const value = readPreference(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
}

interface LocaleState {
  locale: Locale;
  /** True once the person picked a language themselves: we then never override it. */
  chosen: boolean;
  t: Translator;
}

const stored = readStored();
const initial: Locale =
  stored ??
  detectLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

export const localeStore = create<LocaleState>(() => ({
  locale: initial,
  chosen: stored !== null,
  t: makeTranslator(initial),
}));

function apply(locale: Locale, chosen: boolean): void {
  localeStore.setState({ locale, chosen, t: makeTranslator(locale) });
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The person picked a language: remember it on this device. */
export function chooseLocale(locale: Locale): void {
  writePreference(STORAGE_KEY, locale);
  apply(locale, true);
}

/** Follows a workshop's language unless the person already chose one. */
export function suggestLocale(locale: Locale): void {
  if (!localeStore.getState().chosen && localeStore.getState().locale !== locale) apply(locale, false);
}

export function syncDocumentLang(): void {
  document.documentElement.lang = localeStore.getState().locale;
}

/** The translator for the current language; components re-render when it changes. */
export function useT(): Translator {
  return localeStore((s) => s.t);
}

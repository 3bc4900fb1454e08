import { foldText } from '@atelier/shared';

/**
 * Searching a list as people type: word by word, without accents, case or punctuation, so that
 * "transports voyageurs", "Transports publics" and "90-82" all find "90-82 Transports publics de
 * voyageurs".
 */

/** Lower case, no accents, apostrophes, dashes and slashes as spaces, one space between words. */
export function searchable(text: string): string {
  return foldText(text)
    .replace(/[’'‘\-–—/(),.;:_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether every word of `query` begins a word of one of `texts` (in any order): "colle" finds
 * "Collèges", "22" finds "90-221", but "a" does not find every text with an "a" in it. An empty
 * query matches everything.
 */
export function matches(query: string, ...texts: readonly string[]): boolean {
  const words = searchable(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const tokens = texts.flatMap((text) => searchable(text).split(' '));
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

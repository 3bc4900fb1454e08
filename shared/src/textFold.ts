/**
 * Text compared or turned into a name whatever its accents and case: one rule for the searches
 * (the follow-up page, a status CSV's words, the client's pickers) and the slugs of file and
 * package names.
 */

/** Lowercase, accents removed (`Écoles` → `ecoles`). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Folded, every run of other characters than `a-z0-9` a single dash, none at the ends. */
export function slugOf(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

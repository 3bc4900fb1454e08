import { type ActionSheet, isSiret } from '@atelier/shared';

/**
 * The checks and formats of a sheet's public-sector fields, as the editor applies them before a
 * command does (the command refuses the same input; the editor says why in words).
 */

/** A SIRET as typed: spaces (and dots) left out, then 14 digits with a valid key; empty clears it. */
export type SiretCheck =
  | { ok: true; value: string }
  | { ok: false; problem: 'characters' | 'length' | 'key' };

export function checkSiret(typed: string): SiretCheck {
  const compact = typed.replace(/[\s.\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: '' };
  if (!/^\d+$/.test(compact)) return { ok: false, problem: 'characters' };
  if (compact.length !== 14) return { ok: false, problem: 'length' };
  return isSiret(compact) ? { ok: true, value: compact } : { ok: false, problem: 'key' };
}

/** A SIRET as read aloud and on official papers: SIREN in threes, then the establishment (`217 500 016 00019`). */
export function formatSiret(siret: string): string {
  if (!/^\d{14}$/.test(siret)) return siret;
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/**
 * Whether a date input's value is a whole date worth saving as the person types: a browser gives
 * `0002-…`, `0020-…`, `0202-…` while the year is typed, which must not be saved (nor refused).
 */
export function isWholeDate(value: string): boolean {
  const year = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(value)?.[1] ?? Number.NaN);
  return year >= 1900 && year <= 2199;
}

/** Planned start and end: the end may not come before the start (either may be unknown). */
export function datesProblem(start: string | null, end: string | null): 'endBeforeStart' | null {
  return start !== null && end !== null && end < start ? 'endBeforeStart' : null;
}

/** How many of the public-sector fields the sheet has filled (the collapsed section says it). */
export function filledPublicFields(
  sheet: Pick<
    ActionSheet,
    'competences' | 'levers' | 'programme' | 'leadSiret' | 'startDate' | 'endDate' | 'progress'
  >,
): number {
  return [
    sheet.competences.length > 0,
    sheet.levers.length > 0,
    sheet.programme !== '',
    sheet.leadSiret !== '',
    sheet.startDate !== null || sheet.endDate !== null,
    sheet.progress !== null,
  ].filter(Boolean).length;
}

/** The six fields `filledPublicFields` counts. */
export const PUBLIC_FIELD_COUNT = 6;

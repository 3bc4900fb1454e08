import { slugOf } from '../textFold';

/**
 * The name of an exported file: the workshop's title made safe for every file system, and the
 * day of the export (`atelier-strategie-val-de-loue-2026-12-03.xlsx`), so that successive
 * exports of one workshop sort by date and never overwrite each other by surprise.
 */
export function exportFileName(title: string, at: Date, extension: string): string {
  const slug = slugOf(title);
  // At most 60 characters, cut between words when there is a word boundary to cut at.
  const head = slug.slice(0, 61);
  const cut = slug.length <= 60 ? slug : head.includes('-') ? head.replace(/-[^-]*$/, '') : slug.slice(0, 60);
  return `atelier-${cut === '' ? 'atelier' : cut}-${at.toISOString().slice(0, 10)}.${extension}`;
}

import { type FinancingSource, IsoDate } from '@atelier/shared';
import type { MessageKey } from '../../../i18n/translate';

/**
 * What is wrong with an entry of a sheet's list (a financing line, a milestone), field by
 * field: the message shown under each; none while the field is fine.
 */
export type EntryErrors<Field extends string> = { [field in Field]?: MessageKey | undefined };

/** How long an entry's label may be (financing lines, milestones). */
export const LABEL_MAX = 200;

export function hasError(errors: EntryErrors<string>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * Writes an entry (adds it, or changes it) when nothing is wrong with it: the messages to
 * show then, and whether it was written. `write` runs the command; one that refuses the
 * entry (it throws) shows `refused`.
 */
export function commitEntry<E extends EntryErrors<string>>(
  errors: E,
  write: () => void,
  refused: E,
): { errors: E; written: boolean } {
  if (hasError(errors)) return { errors, written: false };
  try {
    write();
    return { errors, written: true };
  } catch {
    return { errors: refused, written: false };
  }
}

/** Runs a change to an entry: `false` when its command refused it (or the entry is gone). */
export function attempt(change: () => void): boolean {
  try {
    change();
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a financing line's label: too long, or missing for an "other" source. */
export function financingLabelProblem(source: FinancingSource, label: string): MessageKey | undefined {
  if (label.trim().length > LABEL_MAX) return 'sheet.error.labelTooLong';
  if (source === 'other' && label.trim() === '') return 'sheet.error.otherLabel';
  return undefined;
}

/** What is wrong with a milestone: its date (not a day), its label (blank or too long). */
export function milestoneProblems(date: string, label: string): EntryErrors<'date' | 'label'> {
  const errors: EntryErrors<'date' | 'label'> = {};
  if (!IsoDate.safeParse(date).success) errors.date = 'sheet.error.date';
  if (label.trim() === '') errors.label = 'sheet.error.milestoneLabel';
  else if (label.trim().length > LABEL_MAX) errors.label = 'sheet.error.labelTooLong';
  return errors;
}

/** Where the financing stands against the budget (`gap`: what is missing, negative when over). */
export function gapKind(gap: number | null): 'none' | 'missing' | 'over' | 'balanced' {
  if (gap === null) return 'none';
  return gap > 0 ? 'missing' : gap < 0 ? 'over' : 'balanced';
}

import { DEFAULT_GRADE_LABELS, type Locale, MAX_GRADES, MIN_GRADES } from '@atelier/shared';

/**
 * A majority judgment's scale as the new round form edits it: the grades' names, best first,
 * each with an id of the form's own (a stable key while names are typed, never sent).
 */

export interface DraftGrade {
  id: string;
  label: string;
}

/** The default scale in the workshop's language (Excellent … À rejeter). */
export function defaultDraftGrades(locale: Locale): DraftGrade[] {
  return DEFAULT_GRADE_LABELS[locale].map((label, i) => ({ id: `grade-${i + 1}`, label }));
}

/** An id for a grade the facilitator adds, not taken by the others. */
function newGradeId(grades: readonly DraftGrade[]): string {
  const taken = new Set(grades.map((g) => g.id));
  for (let n = grades.length + 1; ; n++) if (!taken.has(`grade-${n}`)) return `grade-${n}`;
}

/** A grade renamed. */
export function gradeRenamed(grades: readonly DraftGrade[], index: number, label: string): DraftGrade[] {
  return grades.map((g, i) => (i === index ? { ...g, label } : g));
}

/** A grade removed, unless the scale would have fewer than the least allowed. */
export function gradeRemoved(grades: readonly DraftGrade[], index: number): DraftGrade[] {
  if (grades.length <= MIN_GRADES) return [...grades];
  return grades.filter((_, i) => i !== index);
}

/**
 * A grade added, unnamed, just before the worst: the worst grade stays last (what a target
 * nobody graded counts as), and a new grade usually goes between two others.
 */
export function gradeAdded(grades: readonly DraftGrade[]): DraftGrade[] {
  if (grades.length >= MAX_GRADES) return [...grades];
  const added = { id: newGradeId(grades), label: '' };
  return grades.length === 0 ? [added] : [...grades.slice(0, -1), added, ...grades.slice(-1)];
}

/** Whether the scale is the default one of `locale` (then "back to the default" has nothing to do). */
export function isDefaultScale(grades: readonly DraftGrade[], locale: Locale): boolean {
  const defaults = DEFAULT_GRADE_LABELS[locale];
  return grades.length === defaults.length && grades.every((g, i) => g.label.trim() === defaults[i]);
}

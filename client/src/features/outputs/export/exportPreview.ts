import type { Strategy } from '@atelier/shared';

/** How many of each thing the export holds, in the order the panel lists them. */
export interface ExportCounts {
  notes: number;
  issues: number;
  axes: number;
  actions: number;
  partners: number;
  indicators: number;
  rounds: number;
  people: number;
}

/** Something the facilitator may want to finish before exporting (each names how many). */
export type ExportWarningKind =
  | 'notesUnsorted'
  | 'emptyNotes'
  | 'issuesWithoutAxis'
  | 'sheetsWithoutAxis'
  | 'roundsUnrevealed';

export interface ExportWarning {
  kind: ExportWarningKind;
  n: number;
}

export interface ExportPreview {
  counts: ExportCounts;
  warnings: ExportWarning[];
}

/**
 * What the export holds, read from the strategy the client builds from its own documents (the
 * server writes every format from the same object), and what looks unfinished. A warning only
 * speaks of a later step once the workshop has reached it: notes are "not sorted" only once
 * there are issues, issues "without an axis" only once there are axes, so a workshop exported
 * after its assessment gets no warning about the steps it did not run.
 */
export function exportPreview(
  strategy: Strategy,
  { unrevealedRounds }: { unrevealedRounds: number },
): ExportPreview {
  const counts: ExportCounts = {
    notes: strategy.notes.length,
    issues: strategy.issues.length,
    axes: strategy.axes.length,
    actions: strategy.actions.length,
    partners: strategy.partners.length,
    indicators: strategy.indicators.length,
    rounds: strategy.rounds.length,
    people: strategy.participation.total,
  };
  const candidates: ExportWarning[] = [
    {
      kind: 'notesUnsorted',
      n: counts.issues > 0 ? strategy.notes.filter((note) => note.issue === null).length : 0,
    },
    { kind: 'emptyNotes', n: strategy.notes.filter((note) => note.text.trim() === '').length },
    {
      kind: 'issuesWithoutAxis',
      n: counts.axes > 0 ? strategy.issues.filter((issue) => issue.axis === null).length : 0,
    },
    { kind: 'sheetsWithoutAxis', n: strategy.actions.filter((action) => action.axis === null).length },
    { kind: 'roundsUnrevealed', n: unrevealedRounds },
  ];
  return { counts, warnings: candidates.filter((warning) => warning.n > 0) };
}

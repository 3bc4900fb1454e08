/**
 * Step 2: whether a note is shown in the issues column rather than on the board — sorted into
 * an issue that still exists. A note whose issue was merged or dissolved while someone sorted
 * it is on the board, like an unsorted one. `issues` is empty outside step 2.
 */
export function inIssue(note: { cluster: string | null }, issues: ReadonlySet<string> | undefined): boolean {
  return issues !== undefined && note.cluster !== null && issues.has(note.cluster);
}

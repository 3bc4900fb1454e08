import { create } from 'zustand';

/**
 * Whether the facilitator is writing the step's question. Shared by the step bar (where the
 * "add a question" button sits while there is none, so no row is spent on it) and the band
 * under it (where the question and its editor show).
 */
export const questionEditing = create<{ editing: boolean }>(() => ({ editing: false }));

export function setQuestionEditing(editing: boolean): void {
  questionEditing.setState({ editing });
}

import { type Step, stepQuestionsReader } from '@atelier/shared';
import { useControlValue } from '../../../state/useBoardValue';

/** The facilitator's question for the room at a step (control document), kept up to date. */
export function useStepQuestion(step: Step): string | null {
  return useControlValue(stepQuestionsReader)[step] ?? null;
}

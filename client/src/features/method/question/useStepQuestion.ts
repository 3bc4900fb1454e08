import { readStepQuestion, type Step, stepQuestionsReader } from '@atelier/shared';
import { useCallback, useSyncExternalStore } from 'react';
import { useConnection } from '../../../state/useConnection';

/** The facilitator's question for the room at a step (control document), kept up to date. */
export function useStepQuestion(step: Step): string | null {
  const connection = useConnection();
  const subscribe = useCallback(
    (notify: () => void) => {
      let unobserve = stepQuestionsReader.observe(connection.controlDoc, notify);
      // A resync replaces the control document: follow the new one.
      const off = connection.on('controlDoc', (next) => {
        unobserve();
        unobserve = stepQuestionsReader.observe(next, notify);
        notify();
      });
      return () => {
        unobserve();
        off();
      };
    },
    [connection],
  );
  return useSyncExternalStore(subscribe, () => readStepQuestion(connection.controlDoc, step));
}

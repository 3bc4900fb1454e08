import { questionsMap, readStepQuestion, type Step } from '@atelier/shared';
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from '../../../state/useConnection';

/** The facilitator's question for the room at a step (control document), kept up to date. */
export function useStepQuestion(step: Step): string | null {
  const connection = useConnection();
  const subscribe = useCallback(
    (notify: () => void) => {
      let doc: Y.Doc = connection.controlDoc;
      questionsMap(doc).observe(notify);
      // A resync replaces the control document: follow the new one.
      const off = connection.on('controlDoc', (next) => {
        questionsMap(doc).unobserve(notify);
        doc = next;
        questionsMap(doc).observe(notify);
        notify();
      });
      return () => {
        questionsMap(doc).unobserve(notify);
        off();
      };
    },
    [connection],
  );
  return useSyncExternalStore(subscribe, () => readStepQuestion(connection.controlDoc, step));
}

import {
  addIndicator,
  addPartner,
  type IndicatorInput,
  type IndicatorPatch,
  type PartnerInput,
  type PartnerPatch,
  type ProcessStatus,
  type ProcessStep,
  removeIndicator,
  removePartner,
  setProcessStep,
  updateIndicator,
  updatePartner,
} from '@atelier/shared';
import { useMemo } from 'react';
import { boardStore, canEdit } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';

/**
 * The commands of steps 5 and 6 on the current board document. Each checks first that the
 * person may write (the server would refuse, at the cost of a resync) and ends its own undo
 * step (not merged with typing just before or after), except the text updates, which merge with the typing around them. They throw (zod)
 * on bad input, as the shared commands do: callers validate first to show why.
 */
export function usePlanCommands() {
  const connection = useConnection();
  return useMemo(() => {
    const writable = () => canEdit(boardStore.getState());
    const discrete = <T>(run: () => T): T | null => {
      if (!writable()) return null;
      connection.stopCapturing();
      const result = run();
      connection.stopCapturing();
      return result;
    };
    return {
      addPartner: (input: PartnerInput) => discrete(() => addPartner(connection.boardDoc, input)),
      updatePartner: (id: string, patch: PartnerPatch) => {
        if (writable()) updatePartner(connection.boardDoc, id, patch);
      },
      setPartnerKind: (id: string, kind: NonNullable<PartnerPatch['kind']>) =>
        discrete(() => updatePartner(connection.boardDoc, id, { kind })),
      movePartner: (id: string, action: string) =>
        discrete(() => updatePartner(connection.boardDoc, id, { action })),
      removePartner: (id: string) => discrete(() => removePartner(connection.boardDoc, id)),
      setProcessStep: (action: string, step: ProcessStep, status: ProcessStatus) =>
        discrete(() => setProcessStep(connection.boardDoc, action, step, status)),
      addIndicator: (input: IndicatorInput) => discrete(() => addIndicator(connection.boardDoc, input)),
      updateIndicator: (id: string, patch: IndicatorPatch) => {
        if (writable()) updateIndicator(connection.boardDoc, id, patch);
      },
      setIndicator: (id: string, patch: IndicatorPatch) =>
        discrete(() => updateIndicator(connection.boardDoc, id, patch)),
      removeIndicator: (id: string) => discrete(() => removeIndicator(connection.boardDoc, id)),
    };
  }, [connection]);
}

export type PlanCommands = ReturnType<typeof usePlanCommands>;

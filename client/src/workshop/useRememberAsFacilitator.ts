import type { WorkshopSummary } from '@atelier/shared';
import { useEffect } from 'react';
import { rememberSteps, rememberWorkshop } from '../session/remembered';
import { boardStore } from '../state/store';

/**
 * Keeps the facilitator's home up to date from the board: a workshop opened as facilitator
 * (created here, opened from its facilitator link or promoted to co-facilitator) is listed,
 * with when it was last opened and, once the control document is in, its steps.
 */
export function useRememberAsFacilitator(workshopId: string, summary: WorkshopSummary): void {
  const facilitator = summary.you.role === 'facilitator';
  const { title, createdAt } = summary;
  const { name, kind } = summary.territory;

  // Once per opening (the summary's polls bring the same facts, so the effect does not run again).
  useEffect(() => {
    if (!facilitator) return;
    rememberWorkshop({ id: workshopId, title, territory: { name, kind }, createdAt });
  }, [workshopId, facilitator, title, name, kind, createdAt]);

  // Before the control document syncs, the store holds the default steps: record them only
  // while connected, and again each time they change (the synced ones come last).
  useEffect(() => {
    if (!facilitator) return;
    const record = () => {
      const { connection, control } = boardStore.getState();
      if (connection.status === 'connected') rememberSteps(workshopId, control.steps);
    };
    record();
    return boardStore.subscribe((state, prev) => {
      if (state.control.steps !== prev.control.steps || state.connection.status !== prev.connection.status)
        record();
    });
  }, [workshopId, facilitator]);
}

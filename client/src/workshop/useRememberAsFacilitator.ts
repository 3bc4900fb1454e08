import { readControlState, type WorkshopSummary } from '@atelier/shared';
import { useEffect } from 'react';
import { rememberSteps, rememberWorkshop, unlistWorkshop } from '../session/remembered';
import { boardStore } from '../state/store';
import type { WorkshopConnection } from '../sync/connection';

/**
 * Keeps the facilitator's home up to date from the board: a workshop opened as facilitator
 * (created here, opened from its facilitator link or promoted to co-facilitator) is listed,
 * with when it was last opened and, once the control document is in, its steps.
 */
export function useRememberAsFacilitator(
  workshopId: string,
  summary: WorkshopSummary,
  connection: WorkshopConnection | null,
): void {
  const facilitator = summary.you.role === 'facilitator';
  const { title, createdAt } = summary;
  const { name, kind } = summary.territory;

  // Once per opening (the summary's polls bring the same facts, so the effect does not run
  // again); a co-facilitator made a participant again leaves the list.
  useEffect(() => {
    if (facilitator) rememberWorkshop({ id: workshopId, title, territory: { name, kind }, createdAt });
    else unlistWorkshop(workshopId);
  }, [workshopId, facilitator, title, name, kind, createdAt]);

  // Until the control document has synced with the server, it reads as "all six steps" (the
  // default): record its steps only once synced, and again when they change.
  useEffect(() => {
    if (!facilitator || !connection) return;
    const { control } = connection;
    const record = () => {
      if (control.synced) rememberSteps(workshopId, readControlState(control.doc).steps);
    };
    record();
    const offSync = control.on('change', record);
    const offSteps = boardStore.subscribe((state, prev) => {
      if (state.control.steps !== prev.control.steps) record();
    });
    return () => {
      offSync();
      offSteps();
    };
  }, [workshopId, facilitator, connection]);
}

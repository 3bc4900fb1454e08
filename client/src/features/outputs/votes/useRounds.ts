import { type PublicRound, roundsReader } from '@atelier/shared';
import { useControlValue } from '../../../state/useBoardValue';

/**
 * The workshop's vote rounds as the server publishes them in the control document (oldest
 * first), kept up to date; the same list (same object) until a round changes.
 */
export function useRounds(): readonly PublicRound[] {
  return useControlValue(roundsReader);
}

/** One round by id (`null` once discarded, or before the control document has it). */
export function useRound(roundId: string | null): PublicRound | null {
  const rounds = useRounds();
  return roundId === null ? null : (rounds.find((r) => r.id === roundId) ?? null);
}

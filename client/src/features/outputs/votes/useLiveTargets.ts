import { type VoteTarget, type VoteTargetKind, voteTargetsReader } from '@atelier/shared';
import { useBoardValue } from '../../../state/useBoardValue';

/** The targets of a kind on the board now, with their labels, in board order (kept up to date). */
export function useLiveTargets(kind: VoteTargetKind): VoteTarget[] {
  return useBoardValue(voteTargetsReader(kind));
}

import { BOARD_ROOTS, readVoteTargets, type VoteTarget, type VoteTargetKind } from '@atelier/shared';
import type * as Y from 'yjs';
import { useBoardValue } from '../../../state/useBoardValue';

/** Module-level readers: `useBoardValue` wants a stable function per kind. */
const READERS: Record<VoteTargetKind, (doc: Y.Doc) => VoteTarget[]> = {
  notes: (doc) => readVoteTargets(doc, 'notes'),
  issues: (doc) => readVoteTargets(doc, 'issues'),
  axes: (doc) => readVoteTargets(doc, 'axes'),
  actions: (doc) => readVoteTargets(doc, 'actions'),
};

const ROOTS: Record<VoteTargetKind, readonly string[]> = {
  notes: [BOARD_ROOTS.notes],
  issues: [BOARD_ROOTS.clusters],
  axes: [BOARD_ROOTS.axes],
  actions: [BOARD_ROOTS.actions],
};

/** The targets of a kind on the board now, with their labels, in board order (kept up to date). */
export function useLiveTargets(kind: VoteTargetKind): VoteTarget[] {
  return useBoardValue(READERS[kind], ROOTS[kind]);
}

import type * as Y from 'yjs';
import { readActions } from '../doc/actions';
import { readAxes } from '../doc/axes';
import { readClusterList } from '../doc/clusters';
import { readNotes } from '../doc/notes';
import { TARGET_LABEL_MAX, type VoteTarget, type VoteTargetKind } from './round';

/** One line of a label: what a results bar or a ballot card shows of a target. */
function label(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TARGET_LABEL_MAX ? `${line.slice(0, TARGET_LABEL_MAX - 1)}…` : line;
}

/**
 * Every target of a kind on the board now, in the board's reading order: notes by creation,
 * issues by rank, axes and action sheets in their order. The server reads it to create a round
 * on "all" and to check a selection; the client to show live labels.
 */
export function readVoteTargets(board: Y.Doc, kind: VoteTargetKind): VoteTarget[] {
  switch (kind) {
    case 'notes':
      return readNotes(board)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .map((n) => ({ id: n.id, label: label(n.text) }));
    case 'issues':
      return readClusterList(board).map((c) => ({ id: c.id, label: label(c.title) }));
    case 'axes':
      return readAxes(board).map((a) => ({ id: a.id, label: label(a.title) }));
    case 'actions':
      return readActions(board).map((s) => ({ id: s.id, label: label(s.title) }));
  }
}

import {
  type DocKind,
  type Role,
  updateAddsNote,
  updateTouchesVotes,
  type WriteDeniedReason,
} from '@atelier/shared';
import type * as Y from 'yjs';
import { noteWriteDenial } from './ownership';
import { type BoardPolicy, writeDenial } from './roles';
import { tableWriteDenial } from './table-rules';
import { readUpdate, type UpdateView } from './update-targets';

/**
 * What decides whether a connection's write is taken, as plain data: the rules are run where the
 * room's document is (docs/scale-out.md, "Heavy work off the sync loop"), against that document.
 */
export interface WriteCheck {
  role: Role;
  kind: DocKind;
  participantId: string;
  /** What the workshop's control document says of board writes now (a board room's only). */
  policy?: BoardPolicy;
  /** Why the server takes no writes at all now (the storage), when the document's rules allow it. */
  refusal?: WriteDeniedReason | null;
}

/** Why `update` is refused on `doc` (roles.ts `writeDenial`, with the document's own checks), or `null`. */
export function docWriteDenial(doc: Y.Doc, update: Uint8Array, check: WriteCheck): WriteDeniedReason | null {
  // Decoded once for the note and table rules, and only when one of them asks.
  let view: UpdateView | undefined;
  const read = () => {
    view ??= readUpdate(doc, update);
    return view;
  };
  return (
    writeDenial(check.role, check.kind, check.policy, {
      addsNote: () => updateAddsNote(doc, update),
      touchesVotes: () => updateTouchesVotes(doc, update),
      breaksNoteRules: (mode) => noteWriteDenial(doc, read(), check.participantId, mode),
      breaksTableRules: (round) => tableWriteDenial(doc, read(), round),
    }) ??
    check.refusal ??
    null
  );
}

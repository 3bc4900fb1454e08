import { useMemo } from 'react';
import type * as Y from 'yjs';
import { boardStore, canEdit } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';

/**
 * Runs sheet commands (from `@atelier/shared`) on the board document when this person may
 * write (the server would refuse otherwise, at the cost of a resync). A command that refuses
 * its input throws, and the caller shows why next to the field. Each discrete change is its
 * own undo step; typing (`text`) merges into the undo manager's pauses.
 */
export interface SheetCommands {
  /** Runs one discrete change; `false` when this person may not write now. */
  run(change: (doc: Y.Doc) => void): boolean;
  /** Runs a typing change (no undo step boundary). */
  text(change: (doc: Y.Doc) => void): boolean;
  undo(): void;
  redo(): void;
}

export function useSheetCommands(): SheetCommands {
  const connection = useConnection();
  return useMemo(() => {
    const writable = () => canEdit(boardStore.getState());
    return {
      run(change) {
        if (!writable()) return false;
        connection.stopCapturing();
        change(connection.boardDoc);
        connection.stopCapturing();
        return true;
      },
      text(change) {
        if (!writable()) return false;
        change(connection.boardDoc);
        return true;
      },
      undo() {
        if (writable()) connection.undoLast();
      },
      redo() {
        if (writable()) connection.redoLast();
      },
    };
  }, [connection]);
}

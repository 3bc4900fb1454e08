import {
  assignNote,
  createCluster,
  describeCluster,
  dissolveCluster,
  mergeClusters,
  type Point,
  rankCluster,
  renameCluster,
} from '@atelier/shared';
import { useMemo } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, canEdit, currentItemTable } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';

/**
 * Every change step 2 makes, as shared commands on the board document. Each checks that the
 * person may write (a refused write costs a full resync) and is its own undo step. A
 * command that fails (the issue was merged or dissolved by someone else a moment ago) says
 * so in a toast and changes nothing; `false` tells the caller.
 */
export interface IssueCommands {
  /** Sorts a note into an issue, at its end or before one of its notes. */
  sort(noteId: string, clusterId: string, before?: string | null): boolean;
  /** Puts a note back on the board, optionally at a board point. */
  unsort(noteId: string, at?: Point): boolean;
  /** Creates an issue at the end of the ranking (with a first note) and returns its id. */
  create(title: string, noteId: string | null, at: Point): string | null;
  rename(clusterId: string, title: string): boolean;
  describe(clusterId: string, description: string): boolean;
  rank(clusterId: string, after: string | null, before: string | null): boolean;
  /** Merges `from` into `into`; throws the model's error so that the menu can explain it. */
  merge(from: string, into: string): void;
  dissolve(clusterId: string): boolean;
}

export function useIssueCommands(): IssueCommands {
  const connection = useConnection();
  const t = useT();
  return useMemo(() => {
    const writable = () => canEdit(boardStore.getState());
    /**
     * Runs one command as its own undo step (`step`), or as part of the typing around it:
     * keystrokes merge into one step within the undo manager's capture window.
     */
    const run = (write: () => void, { step = true } = {}): boolean => {
      if (!writable()) return false;
      if (step) connection.stopCapturing();
      try {
        write();
      } catch (error) {
        boardStore.getState().toast('error', t('issues.failed'));
        console.warn('step 2: command refused', error);
        return false;
      }
      if (step) connection.stopCapturing();
      return true;
    };
    const doc = () => connection.boardDoc;
    return {
      sort: (noteId, clusterId, before = null) => run(() => assignNote(doc(), noteId, clusterId, { before })),
      unsort: (noteId, at) => run(() => assignNote(doc(), noteId, null, at ? { at } : {})),
      create(title, noteId, at) {
        let id: string | null = null;
        run(() => {
          id = createCluster(doc(), {
            title,
            x: at.x,
            y: at.y,
            notes: noteId ? [noteId] : [],
            table: currentItemTable(),
          });
        });
        return id;
      },
      rename: (clusterId, title) => run(() => renameCluster(doc(), clusterId, title), { step: false }),
      describe: (clusterId, description) =>
        run(() => describeCluster(doc(), clusterId, description), { step: false }),
      rank: (clusterId, after, before) => run(() => rankCluster(doc(), clusterId, after, before)),
      merge(from, into) {
        if (!writable()) return;
        connection.stopCapturing();
        mergeClusters(doc(), from, into);
        connection.stopCapturing();
      },
      dissolve: (clusterId) => run(() => dissolveCluster(doc(), clusterId)),
    } satisfies IssueCommands;
  }, [connection, t]);
}

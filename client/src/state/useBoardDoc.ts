import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from './useConnection';

/** The board document, followed across resyncs (the connection replaces it then). */
export function useBoardDoc(): Y.Doc {
  const connection = useConnection();
  const subscribe = useCallback(
    (notify: () => void) => connection.on('boardDoc', () => notify()),
    [connection],
  );
  return useSyncExternalStore(subscribe, () => connection.boardDoc);
}

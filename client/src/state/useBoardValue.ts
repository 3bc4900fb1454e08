import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from './useConnection';

/**
 * A value derived from the board document, kept up to date: `read` runs again after each
 * transaction that touched one of `roots` (board root names, see `BOARD_ROOTS`), and after
 * the document is replaced by a resync. For the steps' lists (issues, axes, sheets: tens of
 * entries), not for the notes, which have their own fine-grained store (bindBoard.ts).
 * `read` must be a stable function (module level or memoised).
 */
export function useBoardValue<T>(read: (doc: Y.Doc) => T, roots: readonly string[]): T {
  const connection = useConnection();
  const cache = useRef<CachedRead<T> | null>(null);
  const version = useRef(0);
  const rootsKey = roots.join('\n');

  const subscribe = useCallback(
    (notify: () => void) => {
      const names = rootsKey.split('\n');
      let doc = connection.boardDoc;
      // Deep changes list every ancestor up to the root in `changedParentTypes`.
      const onTransaction = (transaction: Y.Transaction) => {
        const touched = names.some((name) => {
          // biome-ignore lint/suspicious/noExplicitAny: Yjs keys these maps by AbstractType<YEvent<any>>.
          const root = doc.getMap(name) as unknown as Y.AbstractType<Y.YEvent<any>>;
          return transaction.changedParentTypes.has(root) || transaction.changed.has(root);
        });
        if (!touched) return;
        version.current++;
        notify();
      };
      doc.on('afterTransaction', onTransaction);
      const off = connection.on('boardDoc', (next) => {
        doc.off('afterTransaction', onTransaction);
        doc = next;
        doc.on('afterTransaction', onTransaction);
        version.current++;
        notify();
      });
      return () => {
        doc.off('afterTransaction', onTransaction);
        off();
      };
    },
    [connection, rootsKey],
  );

  const getSnapshot = useCallback(() => {
    cache.current = cachedRead(cache.current, connection.boardDoc, version.current, read);
    return cache.current.value;
  }, [connection, read]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

export interface CachedRead<T> {
  doc: Y.Doc;
  version: number;
  read: (doc: Y.Doc) => T;
  value: T;
}

/**
 * The last value while the document, its version and the reader are the same; a fresh read
 * otherwise. The reader is part of the key: a caller that switches readers (the new-round
 * form going from notes to issues) must not keep the other reader's value.
 */
export function cachedRead<T>(
  cache: CachedRead<T> | null,
  doc: Y.Doc,
  version: number,
  read: (doc: Y.Doc) => T,
): CachedRead<T> {
  if (cache && cache.doc === doc && cache.version === version && cache.read === read) return cache;
  return { doc, version, read, value: read(doc) };
}

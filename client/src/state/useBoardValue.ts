import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from '../sync/useConnection';

/**
 * A value derived from the board document, kept up to date: `read` runs again after each
 * transaction that touched one of `roots` (board root names, see `BOARD_ROOTS`), and after
 * the document is replaced by a resync. For the steps' lists (issues, axes, sheets: tens of
 * entries), not for the notes, which have their own fine-grained store (bindBoard.ts).
 * `read` must be a stable function (module level or memoised).
 */
export function useBoardValue<T>(read: (doc: Y.Doc) => T, roots: readonly string[]): T {
  const connection = useConnection();
  const cache = useRef<{ doc: Y.Doc; version: number; value: T } | null>(null);
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
    const doc = connection.boardDoc;
    const current = cache.current;
    if (current && current.doc === doc && current.version === version.current) return current.value;
    const value = read(doc);
    cache.current = { doc, version: version.current, value };
    return value;
  }, [connection, read]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

import type { DocReader } from '@atelier/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from './useConnection';

/**
 * A value derived from the board document, kept up to date: the reader's `read` runs again
 * after each transaction that touched what it reads (the reader says, see `DocReader`), and
 * after the document is replaced by a resync. For the steps' lists (issues, axes, sheets: tens
 * of entries), not for the notes, which have their own fine-grained store (bindBoard.ts).
 * `reader` must be stable (a shared reader, or a module-level `derivedReader`).
 */
export function useBoardValue<T>(reader: DocReader<T>): T {
  const connection = useConnection();
  const cache = useRef<CachedRead<T> | null>(null);
  const version = useRef(0);
  const { read } = reader;

  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        version.current++;
        notify();
      };
      let unobserve = reader.observe(connection.boardDoc, onChange);
      const off = connection.on('boardDoc', (next) => {
        unobserve();
        unobserve = reader.observe(next, onChange);
        onChange();
      });
      return () => {
        unobserve();
        off();
      };
    },
    [connection, reader],
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

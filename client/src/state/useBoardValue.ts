import type { DocReader } from '@atelier/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from './useConnection';

/** Which of the workshop's shared documents a value is read from. */
type SharedDoc = 'boardDoc' | 'controlDoc';

/**
 * A value derived from one of the workshop's documents, kept up to date: the reader's `read`
 * runs again after each transaction that touched what it reads (the reader says, see
 * `DocReader`), and after the document is replaced by a resync; the same value (same object)
 * until then. `reader` must be stable (a shared reader, or a module-level `derivedReader`).
 */
function useDocValue<T>(which: SharedDoc, reader: DocReader<T>): T {
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
      let unobserve = reader.observe(connection[which], onChange);
      const off = connection.on(which, (next) => {
        unobserve();
        unobserve = reader.observe(next, onChange);
        onChange();
      });
      return () => {
        unobserve();
        off();
      };
    },
    [connection, reader, which],
  );

  const getSnapshot = useCallback(() => {
    cache.current = cachedRead(cache.current, connection[which], version.current, read);
    return cache.current.value;
  }, [connection, read, which]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * A value of the board document: for the steps' lists (issues, axes, sheets: tens of
 * entries), not for the notes, which have their own fine-grained store (bindBoard.ts).
 */
export function useBoardValue<T>(reader: DocReader<T>): T {
  return useDocValue('boardDoc', reader);
}

/** A value of the control document (the facilitator's: questions, vote rounds…). */
export function useControlValue<T>(reader: DocReader<T>): T {
  return useDocValue('controlDoc', reader);
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

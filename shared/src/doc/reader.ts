import type * as Y from 'yjs';

/**
 * A value read from a document together with what it reads, so a caller can keep it up to
 * date without knowing the document's keys: `observe` calls back after each transaction that
 * changed something `read` reads (a root it reads, or anything inside one), once per
 * transaction. Readers are module-level constants: callers may key caches on them.
 */
export interface DocReader<T> {
  /** The value as the document holds it now. */
  readonly read: (doc: Y.Doc) => T;
  /** Whether `transaction` (on `doc`) changed something `read` reads. */
  readonly touchedBy: (doc: Y.Doc, transaction: Y.Transaction) => boolean;
  /** Calls `onChange` after each transaction on `doc` that `touchedBy`; returns the unsubscribe. */
  readonly observe: (doc: Y.Doc, onChange: (transaction: Y.Transaction) => void) => () => void;
}

function withObserve<T>(read: (doc: Y.Doc) => T, touchedBy: DocReader<T>['touchedBy']): DocReader<T> {
  return {
    read,
    touchedBy,
    observe(doc, onChange) {
      const onTransaction = (transaction: Y.Transaction) => {
        if (touchedBy(doc, transaction)) onChange(transaction);
      };
      doc.on('afterTransaction', onTransaction);
      return () => doc.off('afterTransaction', onTransaction);
    },
  };
}

/** A reader of `read`, which reads the root maps named `roots` (this folder's keys only). */
export function docReader<T>(read: (doc: Y.Doc) => T, roots: readonly string[]): DocReader<T> {
  return withObserve(read, (doc, transaction) =>
    roots.some((name) => {
      // Deep changes list every ancestor up to the root in `changedParentTypes`.
      // Looked up, not `getMap`: reading must not define a root the document does not have.
      const root = doc.share.get(name);
      return (
        root !== undefined && (transaction.changedParentTypes.has(root) || transaction.changed.has(root))
      );
    }),
  );
}

/**
 * A reader of `read`, a value computed from what `sources` read: it observes what they
 * observe (for a view that combines several lists, e.g. the axes step's board).
 */
export function derivedReader<T>(
  read: (doc: Y.Doc) => T,
  ...sources: readonly DocReader<unknown>[]
): DocReader<T> {
  return withObserve(read, (doc, transaction) =>
    sources.some((source) => source.touchedBy(doc, transaction)),
  );
}

import { type RefObject, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useConnection } from '../../state/useConnection';
import type { RefusedValue, RelativeSelection } from './textBinding';
import { type BoundTextField, useTextBinding } from './useTextBinding';

export interface CollaborativeFieldOptions<E> {
  /** The shared text the field shows and writes; `null` while there is none (its entry is going). */
  text: Y.Text | null;
  /** Why `value` may not be written (shown while the field holds it), or `null` when it may. */
  check?: (value: string) => E | null;
  /**
   * Writes a value `check` let through (a command: the smallest diff into the text); `false`
   * when it was not written (the person may not edit), with no reason to show.
   */
  write: (value: string) => boolean;
  /** The error when `write` throws (the entry went, the command refused it); without it, the exception goes on. */
  failed?: E;
  /**
   * What happens to a refused value (see `RefusedValue`; `restore` when not given). With `keep`
   * and `hold`, the error goes when the field shows the shared text again; with `restore` the
   * field never holds a refused value, and the error tells of the last write until the next one.
   */
  refused?: RefusedValue;
  /** Rewrites typed text before it is written (e.g. line breaks in a title). */
  normalize?: (text: string) => string;
  /** The person's selection moved, to tell the others. */
  onSelection?: (selection: RelativeSelection | null) => void;
}

export interface CollaborativeField<E, T extends HTMLInputElement | HTMLTextAreaElement> {
  /** The `<input>` / `<textarea>`'s ref. */
  ref: RefObject<T | null>;
  /** Why the value in the field is not written, or `null`. */
  error: E | null;
  /** The binding: spread `binding.events` on the field. */
  binding: BoundTextField;
  /** Leaves a refused value: the shared text again (when there is one to show), and no error. */
  restore: () => void;
  /** Ends the board's current undo step: the next edit is a step of its own. */
  stopCapturing: () => void;
}

/**
 * A field several people type in at once, bound to a shared `Y.Text` (see `useTextBinding`):
 * each value typed is checked, then written as the smallest diff by a command; a refused
 * value gives an error (`check`'s reason, or `failed`) and is kept, held or restored as
 * `refused` says. The component keeps its own markup, keys and messages.
 */
export function useCollaborativeField<
  E = true,
  T extends HTMLInputElement | HTMLTextAreaElement = HTMLTextAreaElement,
>(options: CollaborativeFieldOptions<E>): CollaborativeField<E, T> {
  const { text, check, write, failed, refused = 'restore', normalize, onSelection } = options;
  const connection = useConnection();
  const ref = useRef<T>(null);
  const [error, setError] = useState<E | null>(null);

  const binding = useTextBinding(ref, text, {
    write: (value) => {
      const reason = check?.(value) ?? null;
      setError(reason);
      if (reason !== null) return false;
      try {
        return write(value);
      } catch (thrown) {
        if (failed === undefined) throw thrown;
        setError(failed);
        return false;
      }
    },
    refused,
    ...(refused === 'restore' ? {} : { onShared: () => setError(null) }),
    ...(normalize ? { normalize } : {}),
    ...(onSelection ? { onSelection } : {}),
  });

  return {
    ref,
    error,
    binding,
    restore: () => {
      if (error !== null && text) binding.restore();
      setError(null);
    },
    stopCapturing: () => connection.stopCapturing(),
  };
}

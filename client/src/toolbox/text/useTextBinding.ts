import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { TextBinding, type TextBindingOptions } from './textBinding';

/** The field's events the binding needs: spread them on the `<input>` / `<textarea>`. */
export interface TextFieldEvents {
  onInput: () => void;
  onSelect: () => void;
  onCompositionStart: () => void;
  onCompositionEnd: () => void;
}

export interface BoundTextField {
  events: TextFieldEvents;
  /** The field's selection may have moved (e.g. on focus). */
  selectionChanged: () => void;
  /** Shows the shared text again in place of a refused value. */
  restore: () => void;
  /** Writes what the field holds now (after the component changed it, e.g. trimmed it). */
  input: () => void;
}

/**
 * Binds the field in `ref` to `ytext` (see `TextBinding`) for as long as both are there: a
 * new binding when the Y.Text is replaced (undo/redo of its entity, a resync). `options` may
 * change on each render; only `refused` is fixed for a binding's life.
 */
export function useTextBinding(
  ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  ytext: Y.Text | null,
  options: Omit<TextBindingOptions, 'focused'>,
): BoundTextField {
  const binding = useRef<TextBinding | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const refused = options.refused ?? 'restore';

  useEffect(() => {
    const field = ref.current;
    if (!field || !ytext) return;
    const focused = () => document.activeElement === field;
    const bound = new TextBinding(ytext, field, {
      write: (next) => latest.current.write(next),
      focused,
      onSelection: (selection) => latest.current.onSelection?.(selection),
      normalize: (text) => latest.current.normalize?.(text) ?? text,
      refused,
      onShared: () => latest.current.onShared?.(),
    });
    binding.current = bound;
    // Caret moves by keys or pointer fire no `select`: the document tells them.
    const onSelectionChange = () => {
      if (focused()) bound.selectionChanged();
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      bound.destroy();
      if (binding.current === bound) binding.current = null;
    };
  }, [ref, ytext, refused]);

  return useMemo(
    () => ({
      events: {
        onInput: () => binding.current?.input(),
        onSelect: () => binding.current?.selectionChanged(),
        onCompositionStart: () => binding.current?.compositionStart(),
        onCompositionEnd: () => binding.current?.compositionEnd(),
      },
      selectionChanged: () => binding.current?.selectionChanged(),
      restore: () => binding.current?.restore(),
      input: () => binding.current?.input(),
    }),
    [],
  );
}

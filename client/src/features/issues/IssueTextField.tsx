import { type ClusterTextField, clustersMap, clusterText } from '@atelier/shared';
import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useConnection } from '../../sync/useConnection';
import { type DeltaOp, transformSelection } from '../board/caret';

interface Props {
  clusterId: string;
  field: ClusterTextField;
  multiline?: boolean;
  label: string;
  placeholder?: string;
  maxLength: number;
  testId: string;
  className: string;
  /** Whether a value may be written (the model's zod schema). */
  valid: (value: string) => boolean;
  /** Writes a valid value (the shared command, which diffs it into the Y.Text). */
  write: (value: string) => void;
  /** Shown next to the field while its value is refused. */
  invalidText: string;
}

/** The board document, following its replacement after a resync. */
function useBoardDoc(): Y.Doc {
  const connection = useConnection();
  const [doc, setDoc] = useState(connection.boardDoc);
  useEffect(() => {
    setDoc(connection.boardDoc);
    return connection.on('boardDoc', setDoc);
  }, [connection]);
  return doc;
}

/**
 * An issue's title or description, edited in place by several people at once. The field is
 * uncontrolled: each keystroke writes the smallest diff into the issue's Y.Text (through the
 * shared command), and changes from elsewhere (someone else typing, undo) are applied to it
 * with the caret carried through them, like a note's editor. A value the model refuses (an
 * empty title) is not written: the field says why, and goes back to the shared text when it
 * loses the focus. Ctrl+Z is the board's undo here too (`data-note-editor`, see useShortcuts).
 */
export function IssueTextField({
  clusterId,
  field,
  multiline = false,
  label,
  placeholder,
  maxLength,
  testId,
  className,
  valid,
  write,
  invalidText,
}: Props) {
  const doc = useBoardDoc();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [invalid, setInvalid] = useState(false);
  // Bumped when the issue's map is replaced (an undone dissolve brings back new Y types).
  const [binding, setBinding] = useState(0);
  const errorId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `binding` binds again to the issue's new Y types.
  useEffect(() => {
    const element = ref.current;
    const ytext = clusterText(doc, clusterId, field);
    const root = clustersMap(doc);
    const onRoot = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      if (event.keysChanged.has(clusterId)) setBinding((n) => n + 1);
    };
    root.observe(onRoot);
    if (!element || !ytext) return () => root.unobserve(onRoot);
    element.value = ytext.toString();
    setInvalid(false);
    const onChange = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      if (element.value === next) return;
      const focused = document.activeElement === element;
      const selection = transformSelection(
        { start: element.selectionStart ?? 0, end: element.selectionEnd ?? 0 },
        event.delta as DeltaOp[],
      );
      element.value = next;
      setInvalid(false);
      if (focused) element.setSelectionRange(selection.start, selection.end);
    };
    ytext.observe(onChange);
    return () => {
      ytext.unobserve(onChange);
      root.unobserve(onRoot);
    };
  }, [doc, clusterId, field, binding]);

  const onInput = (value: string) => {
    const ok = valid(value);
    setInvalid(!ok);
    if (ok) write(value);
  };
  /** Back to the shared text (after a refused value). */
  const restore = () => {
    const element = ref.current;
    const shared = clusterText(doc, clusterId, field)?.toString();
    if (element && shared !== undefined && element.value !== shared && !valid(element.value)) {
      element.value = shared;
    }
    setInvalid(false);
  };

  const common = {
    ref,
    className,
    'aria-label': label,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? errorId : undefined,
    'data-testid': testId,
    'data-note-editor': '',
    placeholder,
    maxLength,
    onBlur: restore,
  };
  return (
    <>
      {multiline ? (
        <textarea
          {...common}
          rows={1}
          onInput={(event) => onInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              event.currentTarget.blur();
            }
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          onInput={(event) => onInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              event.currentTarget.blur();
            }
          }}
        />
      )}
      {invalid && (
        <p id={errorId} className="issue__error" role="alert" data-testid={`${testId}-error`}>
          {invalidText}
        </p>
      )}
    </>
  );
}

import {
  AXIS_DESCRIPTION_MAX,
  AXIS_FIELDS,
  AXIS_TITLE_MAX,
  AxisDescription,
  AxisTitle,
  axesMap,
  describeAxis,
  renameAxis,
} from '@atelier/shared';
import { useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useT } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/translate';
import { boardStore, canEdit } from '../../state/store';
import { useConnection } from '../../sync/useConnection';
import { type DeltaOp, transformSelection } from '../board/caret';

type Field = 'title' | 'description';

const SPEC = {
  title: { schema: AxisTitle, max: AXIS_TITLE_MAX, write: renameAxis },
  description: { schema: AxisDescription, max: AXIS_DESCRIPTION_MAX, write: describeAxis },
} as const;

/** The field's error, in the reader's language, from the zod issue. */
function errorKey(field: Field, value: string): MessageKey {
  if (field === 'title') return value.trim() === '' ? 'axes.error.titleEmpty' : 'axes.error.titleLong';
  return 'axes.error.descriptionLong';
}

function axisText(doc: Y.Doc, axisId: string, field: Field): Y.Text | null {
  const text = axesMap(doc).get(axisId)?.get(AXIS_FIELDS[field]);
  return text instanceof Y.Text ? text : null;
}

interface Props {
  axisId: string;
  field: Field;
  /** Accessible name, e.g. "Intitulé de l'axe 2". */
  label: string;
  placeholder: string;
  className: string;
  testId: string;
}

/**
 * An axis's title or description, edited in place by several people at once: each keystroke
 * writes the smallest diff through the command (`renameAxis` / `describeAxis`), and what
 * others type arrives with the caret moved through it. A value the command refuses (an empty
 * title) is not written: the reason shows next to the field, and leaving the field brings
 * the stored text back.
 */
export function AxisTextField({ axisId, field, label, placeholder, className, testId }: Props) {
  const t = useT();
  const connection = useConnection();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const errorId = useId();
  const doc = connection.boardDoc;
  // A new Y.Text when the axis comes back by undo, or the document after a resync.
  const ytext = axisText(doc, axisId, field);
  const { schema, max, write } = SPEC[field];

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea || !ytext) return;
    textarea.value = ytext.toString();
    const onChange = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      const local = schema.safeParse(textarea.value);
      // Our own keystroke (the command may have trimmed a trailing space), or a value the
      // person is still fixing: leave the field as it is.
      if (!local.success || local.data === next) return;
      const focused = document.activeElement === textarea;
      const selection = transformSelection(
        { start: textarea.selectionStart, end: textarea.selectionEnd },
        event.delta as DeltaOp[],
      );
      textarea.value = next;
      if (focused) textarea.setSelectionRange(selection.start, selection.end);
    };
    ytext.observe(onChange);
    return () => ytext.unobserve(onChange);
  }, [ytext, schema]);

  const onInput = (textarea: HTMLTextAreaElement) => {
    if (field === 'title' && /[\r\n]/.test(textarea.value)) {
      textarea.value = textarea.value.replace(/\s*[\r\n]+\s*/g, ' ');
    }
    const value = textarea.value;
    const parsed = schema.safeParse(value);
    setError(parsed.success ? null : errorKey(field, value));
    if (!parsed.success || !canEdit(boardStore.getState())) return;
    write(doc, axisId, value);
  };

  const restore = () => {
    const textarea = ref.current;
    if (textarea && ytext) textarea.value = ytext.toString();
    setError(null);
  };

  return (
    <div className={`axis-field axis-field--${field}`}>
      <textarea
        ref={ref}
        className={className}
        rows={1}
        maxLength={max}
        aria-label={label}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        onInput={(event) => onInput(event.currentTarget)}
        onBlur={() => {
          if (error) restore();
          // The edit is one undo step, apart from the next one.
          connection.undo.stopCapturing();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            restore();
            event.currentTarget.blur();
          } else if (event.key === 'Enter' && (field === 'title' || event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.blur();
          }
        }}
      />
      {error && (
        <p id={errorId} className="axis-field__error" role="alert" data-testid={`${testId}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

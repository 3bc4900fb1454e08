import {
  AXIS_DESCRIPTION_MAX,
  AXIS_TITLE_MAX,
  AxisDescription,
  AxisTitle,
  axisText,
  describeAxis,
  renameAxis,
} from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/translate';
import { boardStore, canEdit } from '../../../state/store';
import { useBoardDoc } from '../../../state/useBoardDoc';
import { useCollaborativeField } from '../../../toolbox/text/useCollaborativeField';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';

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

/** A title stays on one line: pasted line breaks become spaces. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

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
 * others type arrives with the caret kept on its characters (see `TextBinding`). A value the
 * command refuses (an empty title) is not written and holds off others' changes while it is
 * fixed: the reason shows next to the field, and leaving the field brings the stored text back.
 */
export function AxisTextField({ axisId, field, label, placeholder, className, testId }: Props) {
  const t = useT();
  const errorId = useId();
  const doc = useBoardDoc();
  const { schema, max, write } = SPEC[field];
  const { ref, error, binding, restore, stopCapturing } = useCollaborativeField<MessageKey>({
    // A new Y.Text when the axis comes back by undo, or the document after a resync.
    text: axisText(doc, axisId, field),
    check: (value) => (schema.safeParse(value).success ? null : errorKey(field, value)),
    write: (value) => {
      if (!canEdit(boardStore.getState())) return false;
      write(doc, axisId, value);
      return true;
    },
    refused: 'hold',
    ...(field === 'title' ? { normalize: oneLine } : {}),
  });

  return (
    <div className={`axis-field axis-field--${field}`}>
      <textarea
        ref={ref}
        className={className}
        rows={1}
        maxLength={max}
        aria-label={label}
        placeholder={placeholder}
        {...fieldErrorProps(errorId, error)}
        data-testid={testId}
        {...binding.events}
        onBlur={() => {
          restore();
          // The edit is one undo step, apart from the next one.
          stopCapturing();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            binding.restore();
            event.currentTarget.blur();
          } else if (event.key === 'Enter' && (field === 'title' || event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.blur();
          }
        }}
      />
      <FieldError
        id={errorId}
        error={error && t(error)}
        className="axis-field__error"
        testId={`${testId}-error`}
      />
    </div>
  );
}

import { type ClusterTextField, clusterText, observeClusterEntries } from '@atelier/shared';
import { useEffect, useId, useState } from 'react';
import { useBoardDoc } from '../../../state/useBoardDoc';
import { useCollaborativeField } from '../../../toolbox/text/useCollaborativeField';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';

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

/**
 * An issue's title or description, edited in place by several people at once. The field is
 * uncontrolled: each keystroke writes the smallest diff into the issue's Y.Text (through the
 * shared command), and changes from elsewhere (someone else typing, undo) are applied to it
 * with the caret kept on its characters (see `TextBinding`). A value the model refuses (an
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
  // Bumped when the issue's map is replaced (an undone dissolve brings back new Y types).
  const [, setReplaced] = useState(0);
  const errorId = useId();

  useEffect(() => {
    return observeClusterEntries(doc, (ids) => {
      if (ids.has(clusterId)) setReplaced((n) => n + 1);
    });
  }, [doc, clusterId]);

  const { ref, error, binding, restore } = useCollaborativeField<
    true,
    HTMLInputElement & HTMLTextAreaElement
  >({
    text: clusterText(doc, clusterId, field),
    check: (value) => (valid(value) ? null : true),
    write: (value) => {
      write(value);
      return true;
    },
    refused: 'keep',
  });
  const invalid = error !== null;

  const common = {
    ref,
    className,
    'aria-label': label,
    ...fieldErrorProps(errorId, invalid),
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
          {...binding.events}
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
          {...binding.events}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              event.currentTarget.blur();
            }
          }}
        />
      )}
      <FieldError
        id={errorId}
        error={invalid && invalidText}
        className="issue__error"
        testId={`${testId}-error`}
      />
    </>
  );
}

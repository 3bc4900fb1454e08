import { formatNumberInput, parseNumberInput } from '@atelier/shared';
import { useState } from 'react';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { useT } from '../../../i18n/locale';
import { undoKeys } from '../../../toolbox/commands/undoKeys';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { useCollaborativeField } from '../../../toolbox/text/useCollaborativeField';
import { FieldWithError } from '../../../ui/FieldWithError';

type History = Pick<BoardCommands, 'undo' | 'redo'>;

interface BoundTextProps {
  /** The shared text the field shows and writes; `null` while the entry is being removed. */
  text: Y.Text | null;
  /** What may be written (as typed, not trimmed). */
  schema: z.ZodType<string, string>;
  /** Writes a valid value (a command: the smallest diff into the text). */
  write: (value: string) => void;
  label: string;
  maxLength: number;
  /** Shown under the field while what is typed cannot be written. */
  error: string;
  commands: History;
  testId?: string;
  placeholder?: string;
}

/**
 * A field bound to a shared `Y.Text` (one paragraph, growing with its text; Enter leaves it): each keystroke writes the smallest diff, so
 * two people typing in the same field merge letter by letter, and what others type (or an
 * undo) shows in the field with the caret kept in place. A value the model refuses (a blank
 * name) is not written and says why; leaving the field puts the shared value back, and
 * trims what was typed.
 */
export function BoundText({
  text,
  schema,
  write,
  label,
  maxLength,
  error,
  commands,
  testId,
  placeholder,
}: BoundTextProps) {
  const field = useCollaborativeField({
    text,
    check: (value) => (schema.safeParse(value).success ? null : true),
    write: (value) => {
      write(value);
      return true;
    },
    // Removed by someone else meanwhile: the row goes away with the next render.
    failed: true,
    refused: 'keep',
  });
  const invalid = field.error !== null;

  return (
    <div className="plan-field">
      <FieldWithError error={invalid && error} errorClassName="plan-field__error">
        {(errorProps) => (
          <textarea
            ref={field.ref}
            rows={1}
            className="plan-input plan-input--text"
            aria-label={label}
            {...errorProps}
            maxLength={maxLength}
            placeholder={placeholder}
            data-testid={testId}
            disabled={!text}
            onFocus={field.stopCapturing}
            {...field.binding.events}
            onBlur={(event) => {
              const input = event.currentTarget;
              const trimmed = input.value.trim();
              if (!text) input.value = '';
              else if (!invalid && trimmed !== input.value) {
                input.value = trimmed;
                field.binding.input();
              }
              field.restore();
              field.stopCapturing();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === 'Escape') {
                event.preventDefault();
                event.currentTarget.blur();
                return;
              }
              undoKeys(commands)(event);
            }}
          />
        )}
      </FieldWithError>
    </div>
  );
}

interface NumberFieldProps {
  value: number | null;
  /** Writes a new value (`null`: cleared). */
  write: (value: number | null) => void;
  label: string;
  commands: History;
  testId?: string;
}

/**
 * A number typed the locale's way (`1 250,5` in French) and written when the person leaves
 * the field or presses Enter; empty clears it. A text that is not a number stays in the field
 * with a message until it is fixed (Escape gives the shared value back).
 */
export function NumberField({ value, write, label, commands, testId }: NumberFieldProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const shown = draft ?? (value === null ? '' : formatNumberInput(t.locale, value));

  const commit = () => {
    if (draft === null) return;
    const parsed = parseNumberInput(t.locale, draft);
    if (parsed === undefined) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(null);
    if (parsed !== value) write(parsed);
  };

  return (
    <div className="plan-field">
      <FieldWithError error={invalid && t('plan.error.number')} errorClassName="plan-field__error">
        {(errorProps) => (
          <input
            type="text"
            inputMode="decimal"
            className="plan-input plan-input--number"
            aria-label={label}
            {...errorProps}
            maxLength={40}
            value={shown}
            data-testid={testId}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commit();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                setDraft(null);
                setInvalid(false);
              } else if (draft === null) {
                // Nothing typed here yet: Ctrl+Z undoes the last change on the board.
                undoKeys(commands)(event);
              }
            }}
          />
        )}
      </FieldWithError>
    </div>
  );
}

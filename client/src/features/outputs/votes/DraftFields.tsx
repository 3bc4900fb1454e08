import type { ComponentProps, ReactNode } from 'react';
import { FieldWithError } from '../../../ui/FieldWithError';

interface DraftInputProps extends Omit<ComponentProps<'input'>, 'className' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** The problem to show under the field, if any. */
  error: string | null;
  errorTestId?: string | undefined;
}

/** A text field of the new round form, with its problem under it. */
export function DraftInput({ value, onChange, error, errorTestId, ...input }: DraftInputProps) {
  return (
    <FieldWithError error={error} errorTestId={errorTestId}>
      {(props) => (
        <input
          className="input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...input}
          {...props}
        />
      )}
    </FieldWithError>
  );
}

interface DraftFieldProps extends DraftInputProps {
  id: string;
  label: ReactNode;
  /** `field` unless told. */
  className?: string | undefined;
}

/** A labelled text field of the new round form. */
export function DraftField({ id, label, className = 'field', ...input }: DraftFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <DraftInput id={id} {...input} />
    </div>
  );
}

interface DraftChoiceProps {
  type?: 'radio' | 'checkbox';
  /** The radio group's name. */
  name?: string;
  checked: boolean;
  testId: string;
  /** The target's label, for the tests to find it by. */
  dataLabel?: string;
  /** Beside `round-form__choice`. */
  className?: string;
  /** The id of the line that says what the choice does. */
  describedBy?: string;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** A radio button or a checkbox of the new round form, and its words. */
export function DraftChoice({
  type = 'radio',
  name,
  checked,
  testId,
  dataLabel,
  className,
  describedBy,
  onChange,
  children,
}: DraftChoiceProps) {
  return (
    <label className={className ? `round-form__choice ${className}` : 'round-form__choice'}>
      <input
        type={type}
        name={name}
        checked={checked}
        data-testid={testId}
        data-label={dataLabel}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  );
}

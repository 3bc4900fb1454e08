import { type ReactNode, useId } from 'react';

/** The attributes that tie a field to its error message: invalid while there is one, described by it. */
export interface FieldErrorProps {
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** What to spread on a field whose message (when `error` is set) has the id `errorId`. */
export function fieldErrorProps(errorId: string, error: unknown): FieldErrorProps {
  const invalid = Boolean(error);
  return { 'aria-invalid': invalid, 'aria-describedby': invalid ? errorId : undefined };
}

interface FieldErrorMessageProps {
  id?: string | undefined;
  /** The message; nothing is shown without one. */
  error: ReactNode;
  /** `field-error` unless told (the plan's tables use `plan-field__error`). */
  className?: string | undefined;
  testId?: string | undefined;
}

/** Why what was typed cannot be saved, announced as it appears. */
export function FieldError({ id, error, className = 'field-error', testId }: FieldErrorMessageProps) {
  if (!error) return null;
  return (
    <p id={id} className={className} role="alert" data-testid={testId}>
      {error}
    </p>
  );
}

interface Props {
  /** The message under the field (already translated); none while what is typed is fine. */
  error: ReactNode;
  errorClassName?: string | undefined;
  errorTestId?: string | undefined;
  /** The field, given the attributes that tie it to the message. */
  children: (props: FieldErrorProps) => ReactNode;
}

/** A field and, under it, the message that says why what was typed cannot be saved. */
export function FieldWithError({ error, errorClassName, errorTestId, children }: Props) {
  const id = useId();
  return (
    <>
      {children(fieldErrorProps(id, error))}
      <FieldError id={id} error={error} className={errorClassName} testId={errorTestId} />
    </>
  );
}

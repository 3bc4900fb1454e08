import { type InputHTMLAttributes, useId, useState } from 'react';
import { navigate } from '../../../routing/router';

/** The input's own attributes; its id, value, handler and error state are the form's. */
type FieldInput = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
> & { 'data-testid': string };

/**
 * One field and a button that open the page its value leads to ("join with a code", "paste your
 * facilitator link"): what `target` makes of the value, or `invalid` under the field when it
 * leads nowhere. Styled by join-code-form.css.
 */
export function OneFieldForm({
  label,
  input,
  submit,
  invalid,
  target,
  initial = '',
}: {
  label: string;
  input: FieldInput;
  submit: { label: string; testId: string; primary?: boolean };
  invalid: string;
  /** The path the value opens, or `null` when it opens nothing. */
  target: (value: string) => string | null;
  initial?: string;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState(false);
  return (
    <form
      className="join-code-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const path = target(value);
        if (path === null) setError(true);
        else navigate(path);
      }}
    >
      <label htmlFor={`${id}-field`}>{label}</label>
      <div className="join-code-form__row">
        <input
          autoComplete="off"
          spellCheck={false}
          {...input}
          id={`${id}-field`}
          className={input.className ?? 'input'}
          value={value}
          aria-invalid={error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(false);
          }}
        />
        <button
          type="submit"
          className={submit.primary ? 'button button--primary' : 'button'}
          data-testid={submit.testId}
        >
          {submit.label}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {invalid}
        </p>
      )}
    </form>
  );
}

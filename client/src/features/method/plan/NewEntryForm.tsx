import { type ReactNode, useId, useState } from 'react';
import { fieldErrorProps } from '../../../ui/FieldWithError';

interface FormProps {
  title: string;
  testId: string;
  /** The row's layout (`plan-new__row--partners`, `--indicators`). */
  row: 'partners' | 'indicators';
  addLabel: string;
  addTestId: string;
  /** Enter in a field, or the Add button. */
  onAdd: () => void;
  /** The fields (`NewField`s). */
  children: ReactNode;
  /** The messages under the row (`FieldError`s). */
  errors: ReactNode;
  /** Between the title and the fields (the CRTE picker of a new indicator). */
  tools?: ReactNode;
}

/** The form under a table of the plan (partners, indicators): a title, the new entry's fields and Add, then what is wrong. */
export function NewEntryForm({
  title,
  testId,
  row,
  addLabel,
  addTestId,
  onAdd,
  children,
  errors,
  tools,
}: FormProps) {
  const titleId = useId();
  return (
    <form
      className="plan-new"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        onAdd();
      }}
      data-testid={testId}
    >
      <h4 id={titleId} className="plan-new__title">
        {title}
      </h4>
      {tools}
      <div className={`plan-new__row plan-new__row--${row}`}>
        {children}
        <button type="submit" className="button button--primary" data-testid={addTestId}>
          {addLabel}
        </button>
      </div>
      {errors}
    </form>
  );
}

/** One field of the new entry: its label above the input or select whose id is `id`. */
export function NewField({
  name,
  id,
  label,
  children,
}: {
  /** The field's layout (`plan-new__field--name`…). */
  name: string;
  id: string;
  label: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`plan-new__field plan-new__field--${name}`}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

interface TextProps {
  id: string;
  value: string;
  maxLength: number;
  placeholder?: string | undefined;
  /** A number typed the locale's way (a decimal keyboard on phones). */
  number?: boolean;
  /** The message this field is tied to, and whether it is marked now (no tie: no `aria-invalid`). */
  error?: { id: string; invalid: boolean | undefined };
  testId: string;
  onChange: (value: string) => void;
}

/** A text typed into the new entry. */
export function NewText({ id, value, maxLength, placeholder, number, error, testId, onChange }: TextProps) {
  return (
    <input
      id={id}
      className={number ? 'plan-input plan-input--number' : 'plan-input'}
      value={value}
      maxLength={maxLength}
      placeholder={placeholder}
      inputMode={number ? 'decimal' : undefined}
      {...(error && fieldErrorProps(error.id, error.invalid))}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * What is typed in a new entry's texts, and which of them are marked wrong: typing in a
 * marked field clears its mark; `clear` empties the texts once the entry is added.
 */
export function useNewDraft<Draft extends { [field in keyof Draft]: string }>(empty: Draft) {
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<{ [field in keyof Draft]?: boolean }>({});
  return {
    draft,
    errors,
    setErrors,
    change(field: keyof Draft, value: string) {
      setDraft({ ...draft, [field]: value });
      if (errors[field]) setErrors({ ...errors, [field]: false });
    },
    /** Several texts at once (a CRTE indicator's name and unit), their marks cleared. */
    fill(values: Partial<Draft>) {
      setDraft({ ...draft, ...values });
      const cleared = { ...errors };
      for (const field of Object.keys(values) as (keyof Draft)[]) cleared[field] = false;
      setErrors(cleared);
    },
    clear: () => setDraft(empty),
  };
}

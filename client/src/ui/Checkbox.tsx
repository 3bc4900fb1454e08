import { useId } from 'react';

interface Props {
  label: string;
  /** A line under the label, read with it by screen readers. */
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}

/** A checkbox with its label (and an optional hint), laid out by the forms' `.checkbox` style. */
export function Checkbox({ label, hint, checked, onChange, testId }: Props) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

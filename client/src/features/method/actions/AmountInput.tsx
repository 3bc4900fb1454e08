import { formatAmount, type Locale } from '@atelier/shared';
import { type InputHTMLAttributes, useState } from 'react';

interface Props
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'onBlur' | 'onFocus'> {
  /** The stored amount (`null`: none). */
  amount: number | null;
  locale: Locale;
  /**
   * The person left the field or pressed Enter after changing it: check the text and save
   * it; `false` when it is refused (the text stays, for the person to fix it).
   */
  onCommit: (text: string) => boolean;
  /** Escape put the stored amount back. */
  onReset?: () => void;
  onFocus?: () => void;
  /** After the commit, when the focus left. */
  onLeave?: () => void;
  testId?: string;
}

/**
 * An amount in euros: written the locale's way (`1 250 000`) while not being edited, typed
 * freely while it is, checked when the person leaves it or presses Enter.
 */
export function AmountInput({ amount, locale, onCommit, onReset, onFocus, onLeave, testId, ...rest }: Props) {
  const shown = amount === null ? '' : formatAmount(amount, locale);
  /** What the person is typing (`null`: not editing, the stored amount shows). */
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    if (draft === shown || onCommit(draft)) setDraft(null);
  };
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className="input sheet-amount"
      data-testid={testId}
      value={draft ?? shown}
      onFocus={() => {
        setDraft((current) => current ?? shown);
        onFocus?.();
      }}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        commit();
        onLeave?.();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape' && draft !== null && draft !== shown) {
          // The first Escape puts back the stored amount; the next one closes the sheet.
          event.preventDefault();
          event.stopPropagation();
          setDraft(shown);
          onReset?.();
        }
      }}
    />
  );
}

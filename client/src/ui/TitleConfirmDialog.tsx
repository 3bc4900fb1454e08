import { type ComponentProps, useId } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** The comparison the server makes for a deletion's confirmation: the title, spaces and case aside. */
export function sameTitle(typed: string, title: string): boolean {
  const tidy = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return tidy(typed) === tidy(title);
}

type Props = Omit<ComponentProps<typeof ConfirmDialog>, 'children' | 'confirmDisabled'> & {
  /** What must be typed (a workshop's or a strategy's title). */
  expected: string;
  typed: string;
  onType: (typed: string) => void;
  fieldLabel: string;
  fieldTestId: string;
  /** The deletion is under way: the answer stays disabled. */
  busy: boolean;
};

/** A deletion for good, confirmed by typing what is deleted: the destructive answer waits for it. */
export function TitleConfirmDialog({
  expected,
  typed,
  onType,
  fieldLabel,
  fieldTestId,
  busy,
  ...dialog
}: Props) {
  const id = useId();
  return (
    <ConfirmDialog {...dialog} confirmDisabled={!sameTitle(typed, expected) || busy}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{fieldLabel}</label>
        <input
          id={`${id}-title`}
          className="input"
          data-testid={fieldTestId}
          value={typed}
          autoComplete="off"
          placeholder={expected}
          onChange={(event) => onType(event.target.value)}
        />
      </div>
    </ConfirmDialog>
  );
}

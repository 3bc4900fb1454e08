import type { Ref } from 'react';

interface Props {
  id: string;
  accept: string;
  /** What the button says ("Choisir un fichier CSV…"). */
  choose: string;
  /** The chosen file's name, or what to say when there is none; nothing shown when absent. */
  chosen?: string | undefined;
  testId: string;
  invalid?: boolean;
  describedBy?: string | undefined;
  busy?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onPick: (input: HTMLInputElement) => void;
}

/**
 * A file field in the page's language. The browser's own control speaks the browser's language
 * ("Choose File", "No file chosen"), not the workshop's: it stays in the page, visually hidden,
 * for the keyboard and screen readers, and what one sees is its label as a button, then the
 * chosen file's name.
 */
export function FilePicker({
  id,
  accept,
  choose,
  chosen,
  testId,
  invalid = false,
  describedBy,
  busy = false,
  inputRef,
  onPick,
}: Props) {
  return (
    <div className="file-picker">
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
        className="visually-hidden file-picker__input"
        data-testid={testId}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => onPick(event.currentTarget)}
      />
      <label htmlFor={id} className="button" aria-busy={busy}>
        {choose}
      </label>
      {chosen !== undefined && (
        <span className="file-picker__name" data-testid={`${testId}-name`}>
          {chosen}
        </span>
      )}
    </div>
  );
}

import { type ChangeEvent, type KeyboardEvent, useState } from 'react';

interface Options {
  /** What the field shows while nobody is editing it. */
  value: string;
  /** Saves the draft; `false` refuses it, and the draft stays in the field to be fixed. */
  commit: (draft: string) => boolean;
  /** Each keystroke, after the draft took it. */
  onEdit?: (draft: string) => void;
  /** Escape dropped the draft. */
  onDiscard?: () => void;
}

/** The props the input takes from the hook: spread them on it. */
export interface CommitOnBlurOrEnterProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * A text field edited as a local draft and saved once, when the person leaves it or presses
 * Enter, so that a shared document gets one change per edit rather than one per keystroke.
 * Escape drops the draft (and goes no further, so the dialog or view around stays open).
 */
export function useCommitOnBlurOrEnter({
  value,
  commit,
  onEdit,
  onDiscard,
}: Options): CommitOnBlurOrEnterProps {
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft !== null && commit(draft)) setDraft(null);
  };
  return {
    value: draft ?? value,
    onChange: (event) => {
      setDraft(event.target.value);
      onEdit?.(event.target.value);
    },
    onBlur: save,
    onKeyDown: (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        save();
      } else if (event.key === 'Escape' && draft !== null) {
        event.preventDefault();
        event.stopPropagation();
        setDraft(null);
        onDiscard?.();
      }
    },
  };
}

import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** More to choose or type before confirming (a checkbox, a typed confirmation). */
  children?: ReactNode;
  /** The destructive answer waits for `children` to be filled in. */
  confirmDisabled?: boolean;
}

/**
 * A modal question with a destructive answer. The native `<dialog>` traps focus, closes on
 * Escape and gives focus back to what had it; "Cancel" has the focus first, so Enter is safe.
 */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  testId,
  children,
  confirmDisabled = false,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe answer takes the focus (showModal would give it to the first control, which may
    // be a field of `children`).
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-text`}>{text}</p>
      {children}
      <div className="confirm__actions">
        <button
          ref={cancelRef}
          type="button"
          className="button"
          onClick={onCancel}
          data-testid="confirm.cancel"
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={onConfirm}
          disabled={confirmDisabled}
          data-testid="confirm.ok"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

import { ACTION_TEXT_LIMITS, type ActionTextField, actionText, setActionText } from '@atelier/shared';
import { useEffect, useId, useLayoutEffect, useMemo, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useSheetCarets } from '../../../state/presenceStores';
import { useCanEdit } from '../../../state/store';
import { useBoardDoc } from '../../../state/useBoardDoc';
import { undoKeys } from '../../../toolbox/commands/undoKeys';
import { encodePosition } from '../../../toolbox/text/textBinding';
import { textIfPresent } from '../../../toolbox/text/textIfPresent';
import { useCollaborativeField } from '../../../toolbox/text/useCollaborativeField';
import { FieldError, fieldErrorProps } from '../../../ui/FieldWithError';
import { overlayPieces, resolveCarets } from './remoteCarets';
import { SheetField } from './SheetField';
import { useSheetPresence } from './sheetPresence';
import { useSheetCommands } from './useSheetCommands';

interface Props {
  sheetId: string;
  field: ActionTextField;
  label: string;
  placeholder?: string;
  /** Lines shown when empty; the field grows with its text. */
  rows?: number;
  /** The sheet's title: large, one line (Enter does not add a line). */
  heading?: boolean;
}

const oneLine = (text: string) => text.replace(/[\r\n]/g, ' ');

/**
 * A prose field of an action sheet that several people type in at once: a textarea bound to
 * the field's Y.Text (see `TextBinding`), with the others' carets and selections drawn over
 * it in their colours, and their initials next to the label.
 */
export function CollaborativeText({ sheetId, field, label, placeholder, rows = 3, heading = false }: Props) {
  const t = useT();
  const id = useId();
  const doc = useBoardDoc();
  const editable = useCanEdit();
  const commands = useSheetCommands();
  const reporter = useSheetPresence();
  const ytext = useMemo(() => textIfPresent(actionText, doc, sheetId, field), [doc, sheetId, field]);
  const [text, setText] = useState(() => ytext?.toString() ?? '');
  const limit = ACTION_TEXT_LIMITS[field];
  const {
    ref,
    error: tooLong,
    binding,
  } = useCollaborativeField({
    text: ytext,
    write: (next) => commands.text((d) => setActionText(d, sheetId, field, next)),
    // Longer than the field's limit: the field goes back to its text, and says why.
    failed: true,
    onSelection: (selection) => {
      if (!reporter || !editable) return;
      if (selection) reporter.caret(field, encodePosition(selection.anchor), encodePosition(selection.head));
    },
    ...(heading ? { normalize: oneLine } : {}),
  });

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea || !ytext) return;
    const update = () => setText(ytext.toString());
    ytext.observe(update);
    update();
    // The binding just wrote the text into the field: its height was measured without it.
    fitHeight(textarea);
    return () => ytext.unobserve(update);
  }, [ref, ytext]);

  // The field grows with its text: no inner scrollbar, so the carets' overlay matches it line
  // for line. Again when its width changes (the window, the panel), which re-wraps the lines.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again whenever the text changes.
  useLayoutEffect(() => fitHeight(ref.current), [text]);
  useEffect(() => {
    const textarea = ref.current;
    if (!textarea || typeof ResizeObserver === 'undefined') return;
    let width = textarea.clientWidth;
    const observer = new ResizeObserver(() => {
      if (textarea.clientWidth === width) return;
      width = textarea.clientWidth;
      fitHeight(textarea);
    });
    observer.observe(textarea);
    return () => observer.disconnect();
  }, [ref]);

  const carets = useSheetCarets();
  // Resolved on every render: `text` changes when the characters the carets point at arrive.
  const marks = ytext
    ? resolveCarets(
        ytext,
        carets.filter((c) => c.sheet === sheetId && c.field === field),
      )
    : [];
  const pieces = overlayPieces(text, marks);
  const errorId = `${id}-error`;

  return (
    <SheetField
      label={label}
      htmlFor={id}
      field={field}
      className={heading ? 'sheet-field--heading' : undefined}
      labelClassName={heading ? 'visually-hidden' : undefined}
      people={{ sheetId, field }}
    >
      <div className="sheet-text">
        <textarea
          ref={ref}
          id={id}
          className={heading ? 'sheet-text__input sheet-text__input--heading' : 'sheet-text__input'}
          rows={heading ? 1 : rows}
          maxLength={limit}
          readOnly={!editable}
          placeholder={editable ? placeholder : undefined}
          spellCheck
          {...fieldErrorProps(errorId, tooLong)}
          data-testid={`sheet.text.${field}`}
          {...binding.events}
          onFocus={() => {
            if (editable) reporter?.enter(field);
            binding.selectionChanged();
          }}
          onBlur={() => reporter?.leave(field)}
          onKeyDown={(event) => {
            if (undoKeys(commands)(event)) return;
            if (heading && event.key === 'Enter') {
              event.preventDefault();
            }
          }}
        />
        <div className="sheet-text__overlay" aria-hidden="true">
          {pieces.map((piece, index) =>
            piece.type === 'text' ? (
              piece.colors.length === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity of their own.
                <span key={index}>{piece.text}</span>
              ) : (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity of their own.
                  key={index}
                  className="sheet-text__selection"
                  style={{ background: selectionBackground(piece.colors) }}
                >
                  {piece.text}
                </span>
              )
            ) : (
              <span
                key={`caret-${piece.mark.key}`}
                className="sheet-caret"
                style={{ color: piece.mark.color }}
                data-testid="sheet.caret"
                data-name={piece.mark.name}
              >
                <span
                  key={`${piece.mark.anchor}-${piece.mark.head}`}
                  className="sheet-caret__label"
                  style={{ background: piece.mark.color }}
                >
                  {piece.mark.name}
                </span>
              </span>
            ),
          )}
          {/* A last line after a final line break has a height, as in the textarea. */}
          {'\u200b'}
        </div>
      </div>
      <FieldError id={errorId} error={tooLong && t('sheet.error.tooLong', { n: limit })} />
    </SheetField>
  );
}

function fitHeight(textarea: HTMLTextAreaElement | null): void {
  if (!textarea) return;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
}

/** Transparent tints of each selection over the characters (several people may select the same). */
function selectionBackground(colors: readonly string[]): string {
  const tint = (color: string) => `color-mix(in srgb, ${color} 28%, transparent)`;
  return colors.map((c) => `linear-gradient(${tint(c)}, ${tint(c)})`).join(', ');
}

import { LIMITS, noteText } from '@atelier/shared';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n/locale';
import { boardStore } from '../../state/store';
import { useConnection } from '../../state/useConnection';
import type { BoardCommands } from '../commands/useCommands';
import { noteDoc } from '../commands/useCommands';
import { type DeltaOp, transformSelection } from './caret';

interface Props {
  id: string;
  commands: BoardCommands;
  onDone: () => void;
}

/**
 * In-place editor of a note's text. The textarea is uncontrolled: typing writes the smallest
 * diff to the note's Y.Text (so it merges character by character with others), and changes
 * that did not come from this textarea (someone else typing, undo) are applied to it with
 * the caret moved through the change instead of jumping to the end.
 */
export function NoteEditor({ id, commands, onDone }: Props) {
  const t = useT();
  const connection = useConnection();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const textarea = ref.current;
    const ytext = noteText(noteDoc(connection, id), id);
    if (!textarea || !ytext) return;
    textarea.value = ytext.toString();
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    const onChange = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      if (textarea.value === next) return;
      const focused = document.activeElement === textarea;
      const selection = transformSelection(
        { start: textarea.selectionStart, end: textarea.selectionEnd },
        event.delta as DeltaOp[],
      );
      textarea.value = next;
      if (focused) textarea.setSelectionRange(selection.start, selection.end);
    };
    ytext.observe(onChange);
    // A private draft's id is not told to the board room either.
    const shared = !boardStore.getState().notes[id]?.draft;
    if (shared) connection.setPresence({ editing: id });
    return () => {
      ytext.unobserve(onChange);
      if (shared) connection.setPresence({ editing: null });
    };
  }, [connection, id]);

  return (
    <textarea
      ref={ref}
      className="note__editor"
      data-testid="note.text"
      data-note-editor=""
      aria-label={t('note.textLabel')}
      placeholder={t('note.placeholder')}
      maxLength={LIMITS.noteText}
      onInput={(event) => commands.setText(id, event.currentTarget.value)}
      onBlur={onDone}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          event.stopPropagation();
          // Back to the note itself, so arrows / Space / Delete act on it next.
          const card = event.currentTarget.closest<HTMLElement>('.note');
          onDone();
          boardStore.getState().select(id);
          card?.focus();
        }
      }}
      onPointerDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}

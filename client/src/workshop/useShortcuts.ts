import type { Step } from '@atelier/shared';
import { useEffect } from 'react';
import { boardStore, shownStep } from '../state/store';
import { historyKey } from '../toolbox/commands/undoKeys';
import type { BoardCommands } from '../toolbox/commands/useCommands';

/** The steps whose view is the board of notes (step 2 shows the notes still to sort). */
const NOTE_STEPS: ReadonlySet<Step> = new Set<Step>(['assessment', 'issues']);

function isNativeField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * Board keyboard shortcuts. Undo/redo go to the person's board undo stack everywhere on
 * the board, including while typing in a note (its text is a shared Y.Text: the browser's
 * own undo would fight remote edits), but not in other form fields.
 */
export function useShortcuts(
  commands: BoardCommands,
  pointerRef: React.RefObject<{ x: number; y: number } | null>,
): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      const inNoteEditor = target instanceof HTMLElement && target.hasAttribute('data-note-editor');
      if (isNativeField(target) && !inNoteEditor) return;
      const history = historyKey(event);
      if (history) {
        event.preventDefault();
        commands[history]();
        return;
      }
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (inNoteEditor || mod || event.altKey || event.defaultPrevented) return;
      const state = boardStore.getState();
      // Adding and deleting notes by key only where the board of notes is on screen.
      if (!NOTE_STEPS.has(shownStep(state))) return;
      if (key === 'n' && !event.repeat) {
        event.preventDefault();
        commands.addNote(pointerRef.current ?? undefined);
      } else if (
        (event.key === 'Delete' || event.key === 'Backspace') &&
        state.selectedId &&
        !state.editingId
      ) {
        event.preventDefault();
        const next = document.querySelector<HTMLElement>('.canvas');
        commands.remove(state.selectedId);
        next?.focus();
      } else if (event.key === 'Escape') {
        if (state.pickerId) state.openPicker(null);
        else state.select(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands, pointerRef]);
}

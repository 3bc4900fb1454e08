import type { KeyboardEvent } from 'react';
import type { BoardCommands } from './useCommands';

type KeyState = Pick<globalThis.KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>;

/** Whether a key press asks for undo (Ctrl/⌘+Z) or redo (Ctrl/⌘+Shift+Z, Ctrl/⌘+Y). */
export function historyKey(event: KeyState): 'undo' | 'redo' | null {
  const key = event.key.toLowerCase();
  if (!(event.ctrlKey || event.metaKey) || event.altKey || (key !== 'z' && key !== 'y')) return null;
  return key === 'y' || event.shiftKey ? 'redo' : 'undo';
}

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in a field bound to the board (a shared text, a select):
 * the board's undo, like everywhere else on the board. The browser's own undo would only
 * know this field's keystrokes and fight what others type into the same text.
 * Returns whether the key was handled.
 */
export function undoKeys(commands: Pick<BoardCommands, 'undo' | 'redo'>) {
  return (event: KeyboardEvent<HTMLElement>): boolean => {
    const history = historyKey(event);
    if (!history) return false;
    event.preventDefault();
    event.stopPropagation();
    commands[history]();
    return true;
  };
}

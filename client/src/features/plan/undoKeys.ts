import type { KeyboardEvent } from 'react';
import type { BoardCommands } from '../board/useCommands';

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in a field bound to the board (a shared text, a select):
 * the board's undo, like everywhere else on the board. The browser's own undo would only
 * know this field's keystrokes and fight what others type into the same text.
 */
export function undoKeys(commands: Pick<BoardCommands, 'undo' | 'redo'>) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (!mod || event.altKey || (key !== 'z' && key !== 'y')) return;
    event.preventDefault();
    event.stopPropagation();
    if (key === 'y' || event.shiftKey) commands.redo();
    else commands.undo();
  };
}

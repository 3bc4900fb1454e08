/** One op of a Y.Text change delta (`retain`, `insert` or `delete`). */
export interface DeltaOp {
  retain?: number;
  insert?: unknown;
  delete?: number;
}

/**
 * Moves a text position through a change made by someone else: text inserted before it
 * pushes it right, text deleted before it pulls it left, a deletion around it collapses
 * onto the deletion point. An insertion exactly at the position keeps it before the new
 * text (the other person's words appear after your caret, you keep typing where you were).
 */
export function transformPosition(position: number, delta: readonly DeltaOp[]): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < position) result += length;
      // Positions are in the old text; inserted text does not advance `index`.
    } else if (op.delete !== undefined) {
      const end = index + op.delete;
      if (end <= position) result -= op.delete;
      else if (index < position) result -= position - index;
      index = end;
    }
    if (index >= position && op.retain !== undefined) break;
  }
  return Math.max(0, result);
}

export interface Selection {
  start: number;
  end: number;
}

export function transformSelection(selection: Selection, delta: readonly DeltaOp[]): Selection {
  const start = transformPosition(selection.start, delta);
  const end = selection.end === selection.start ? start : transformPosition(selection.end, delta);
  return { start, end: Math.max(start, end) };
}

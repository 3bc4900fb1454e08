import type * as Y from 'yjs';
import type { RemoteSheetCaret } from '../../../state/types';
import { decodePosition, resolvePosition } from '../../../toolbox/text/textBinding';

/** Someone else's caret (and selection, when `anchor` ≠ `head`) at positions of the current text. */
export interface CaretMark {
  key: number;
  name: string;
  color: string;
  anchor: number;
  head: number;
}

/**
 * The others' carets in one prose field, at their place in the text as it is now. A caret
 * whose characters have not reached this replica yet is left out until they do.
 */
export function resolveCarets(ytext: Y.Text, carets: readonly RemoteSheetCaret[]): CaretMark[] {
  const marks: CaretMark[] = [];
  for (const caret of carets) {
    const anchorPosition = decodePosition(caret.anchor);
    const headPosition = caret.head === caret.anchor ? anchorPosition : decodePosition(caret.head);
    if (!anchorPosition || !headPosition) continue;
    const anchor = resolvePosition(ytext, anchorPosition);
    const head = caret.head === caret.anchor ? anchor : resolvePosition(ytext, headPosition);
    if (anchor === null || head === null) continue;
    marks.push({ key: caret.clientId, name: caret.name, color: caret.color, anchor, head });
  }
  return marks;
}

/** A run of text with the colours of the selections over it, or a caret between two runs. */
export type OverlayPiece =
  | { type: 'text'; text: string; colors: readonly string[] }
  | { type: 'caret'; mark: CaretMark };

/**
 * The text cut where selections start and end and where carets are, for an overlay that
 * lays the same text out as the field (transparent) and so draws each caret and selection
 * exactly where the field shows those characters, wrapped lines included.
 */
export function overlayPieces(text: string, marks: readonly CaretMark[]): OverlayPiece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const spans = marks.map((mark) => ({
    mark,
    start: clamp(Math.min(mark.anchor, mark.head)),
    end: clamp(Math.max(mark.anchor, mark.head)),
    head: clamp(mark.head),
  }));
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
    cuts.add(span.head);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: OverlayPiece[] = [];
  points.forEach((at, index) => {
    for (const span of spans) if (span.head === at) pieces.push({ type: 'caret', mark: span.mark });
    const next = points[index + 1];
    if (next === undefined || next === at) return;
    const colors = spans.filter((s) => s.start <= at && s.end >= next).map((s) => s.mark.color);
    pieces.push({ type: 'text', text: text.slice(at, next), colors });
  });
  return pieces;
}

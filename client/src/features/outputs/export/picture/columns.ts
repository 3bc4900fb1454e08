import { type Card, cardGrid, type Placed } from './cards';
import { FONTS, GAP, INK, lineHeight, type Measure, MUTED, type Shape } from './scene';
import { wrapText } from './wrap';

/** An issue with its notes, an axis with its issues or sheets: a head, then cards under it. */
export interface Column {
  title: string;
  /** Under the title, e.g. a description. */
  text?: string;
  /** A count or a word under the text, e.g. "12 contributions". */
  meta?: string;
  accent: string;
  cards: readonly Card[];
  /** Said in the column when it has no card. */
  empty?: string;
}

/** A column is never narrower than this (its cards' text at 19 px stays ~20 characters a line). */
export const MIN_COLUMN = 300;
const HEAD_PAD = 16;

function columnHead(column: Column, x: number, y: number, w: number, measure: Measure): Placed {
  const inner = w - 2 * HEAD_PAD;
  const title = wrapText(column.title, FONTS.section, inner, 3, measure);
  const text = column.text ? wrapText(column.text, FONTS.text, inner, 4, measure) : [];
  const meta = column.meta ? wrapText(column.meta, FONTS.small, inner, 1, measure) : [];
  const shapes: Shape[] = [];
  let top = y + 8 + HEAD_PAD;
  const add = (lines: string[], font: (typeof FONTS)[keyof typeof FONTS], color: string) => {
    if (lines.length === 0) return;
    shapes.push({ kind: 'text', x: x + HEAD_PAD, y: top, lines, font, color, lineHeight: lineHeight(font) });
    top += lines.length * lineHeight(font) + 8;
  };
  add(title, FONTS.section, INK);
  add(text, FONTS.text, INK);
  add(meta, FONTS.small, MUTED);
  const height = top - y + HEAD_PAD - 8;
  return {
    shapes: [
      { kind: 'rect', x, y, w, h: height, fill: '#f3f4f6', radius: 10 },
      { kind: 'rect', x, y, w, h: 8, fill: column.accent, radius: 4 },
      ...shapes,
    ],
    height,
  };
}

/**
 * Columns side by side, as many a band as the width holds at `MIN_COLUMN` (bands balanced:
 * 8 columns in 2 bands of 4, not 5 and 3), bands one under the other; in each column its cards,
 * as many abreast as fit at `cards.minWidth`.
 */
export function columnBands(
  columns: readonly Column[],
  x: number,
  y: number,
  width: number,
  cards: { lines: number; minWidth: number; minColumn?: number },
  measure: Measure,
): Placed {
  if (columns.length === 0) return { shapes: [], height: 0 };
  const fit = Math.max(1, Math.floor((width + GAP) / ((cards.minColumn ?? MIN_COLUMN) + GAP)));
  const bands = Math.ceil(columns.length / fit);
  const perBand = Math.ceil(columns.length / bands);
  const w = (width - (perBand - 1) * GAP) / perBand;
  // A wide column holds its cards side by side (an issue's notes two abreast).
  const perRow = Math.max(1, Math.floor((w + GAP) / (cards.minWidth + GAP)));
  const shapes: Shape[] = [];
  let top = y;
  for (let start = 0; start < columns.length; start += perBand) {
    let tallest = 0;
    columns.slice(start, start + perBand).forEach((column, i) => {
      const left = x + i * (w + GAP);
      const head = columnHead(column, left, top, w, measure);
      shapes.push(...head.shapes);
      let h = head.height + GAP / 2;
      if (column.cards.length > 0) {
        const stack = cardGrid(column.cards, left, top + h, w, perRow, cards.lines, measure);
        shapes.push(...stack.shapes);
        h += stack.height;
      } else if (column.empty) {
        const lines = wrapText(column.empty, { ...FONTS.text, italic: true }, w - 2 * HEAD_PAD, 2, measure);
        shapes.push({
          kind: 'text',
          x: left + HEAD_PAD,
          y: top + h,
          lines,
          font: { ...FONTS.text, italic: true },
          color: MUTED,
          lineHeight: lineHeight(FONTS.text),
        });
        h += lines.length * lineHeight(FONTS.text);
      }
      tallest = Math.max(tallest, h);
    });
    top += tallest + 2 * GAP;
  }
  return { shapes, height: top - y - 2 * GAP };
}

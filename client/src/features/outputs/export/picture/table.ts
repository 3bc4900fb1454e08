import type { Placed } from './cards';
import { FONTS, INK, LINE, lineHeight, type Measure, type Shape } from './scene';
import { wrapText } from './wrap';

export interface Table {
  header: string[];
  /** Each column's share of the width. */
  weights: number[];
  align?: ('left' | 'right')[];
  rows: string[][];
}

const PAD = 12;
/** A cell shows at most this many lines (a long role or source ends in "…"). */
const CELL_LINES = 3;

/** A table across `width`: a shaded header row, rows as tall as their tallest cell, a rule between rows. */
export function tableShapes(table: Table, x: number, y: number, width: number, measure: Measure): Placed {
  const total = table.weights.reduce((a, b) => a + b, 0);
  const widths = table.weights.map((weight) => (width * weight) / total);
  const lefts = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const shapes: Shape[] = [];
  let top = y;
  const row = (cells: string[], font: typeof FONTS.text | typeof FONTS.cardTitle, fill: string | null) => {
    const wrapped = cells.map((cell, i) =>
      wrapText(cell, font, (widths[i] ?? 0) - 2 * PAD, CELL_LINES, measure),
    );
    const h = Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight(font) + 2 * PAD;
    if (fill) shapes.push({ kind: 'rect', x, y: top, w: width, h, fill });
    wrapped.forEach((lines, i) => {
      const right = table.align?.[i] === 'right';
      shapes.push({
        kind: 'text',
        x: right ? (lefts[i] ?? 0) + (widths[i] ?? 0) - PAD : (lefts[i] ?? 0) + PAD,
        y: top + PAD,
        lines,
        font,
        color: INK,
        lineHeight: lineHeight(font),
        align: right ? 'right' : 'left',
      });
    });
    top += h;
    shapes.push({ kind: 'rect', x, y: top - 1, w: width, h: 1, fill: LINE });
  };
  row(table.header, FONTS.cardTitle, '#eef0f3');
  table.rows.forEach((cells, i) => {
    row(cells, FONTS.text, i % 2 === 1 ? '#f8f9fa' : null);
  });
  return { shapes, height: top - y };
}

import type { Placed } from './cards';
import {
  FONTS,
  GAP,
  INK,
  LINE,
  lineHeight,
  MARGIN,
  type Measure,
  MUTED,
  PICTURE_WIDTH,
  type Scene,
  type Shape,
} from './scene';
import { wrapText } from './wrap';

export interface Heading {
  /** The workshop's title. */
  title: string;
  /** The step's name. */
  step: string;
  /** The territory and the day. */
  subtitle: string;
  /** Colours and what they mean (the themes, with their counts). */
  legend?: { label: string; color: string }[];
}

const SWATCH = 18;

/** The legend's entries, wrapped onto as many lines as the width needs. */
function legendShapes(
  legend: NonNullable<Heading['legend']>,
  x: number,
  y: number,
  width: number,
  measure: Measure,
): Placed {
  const shapes: Shape[] = [];
  const h = lineHeight(FONTS.small) + 6;
  let left = x;
  let top = y;
  for (const entry of legend) {
    const w = SWATCH + 8 + measure(entry.label, FONTS.small);
    if (left > x && left + w > x + width) {
      left = x;
      top += h;
    }
    shapes.push(
      { kind: 'rect', x: left, y: top + 2, w: SWATCH, h: SWATCH, fill: entry.color, radius: 4 },
      {
        kind: 'text',
        x: left + SWATCH + 8,
        y: top,
        lines: [entry.label],
        font: FONTS.small,
        color: INK,
        lineHeight: lineHeight(FONTS.small),
      },
    );
    left += w + 28;
  }
  return { shapes, height: top - y + h };
}

/**
 * The whole picture: the workshop's title, the step's name and the day at the top, the legend,
 * a rule, then the step's content laid out by `body` across the slide's width.
 */
export function framedScene(
  heading: Heading,
  body: (x: number, y: number, width: number) => Placed,
  measure: Measure,
): Scene {
  const width = PICTURE_WIDTH;
  const inner = width - 2 * MARGIN;
  const shapes: Shape[] = [];
  let top = MARGIN;
  const title = wrapText(heading.title, FONTS.title, inner, 2, measure);
  shapes.push({
    kind: 'text',
    x: MARGIN,
    y: top,
    lines: title,
    font: FONTS.title,
    color: INK,
    lineHeight: lineHeight(FONTS.title),
  });
  top += title.length * lineHeight(FONTS.title) + 8;
  const stepFont = { ...FONTS.section, size: 30 };
  shapes.push({
    kind: 'text',
    x: MARGIN,
    y: top,
    lines: wrapText(heading.step, stepFont, inner, 1, measure),
    font: stepFont,
    color: '#0b5cad',
    lineHeight: lineHeight(stepFont),
  });
  top += lineHeight(stepFont) + 4;
  shapes.push({
    kind: 'text',
    x: MARGIN,
    y: top,
    lines: wrapText(heading.subtitle, FONTS.subtitle, inner, 1, measure),
    font: FONTS.subtitle,
    color: MUTED,
    lineHeight: lineHeight(FONTS.subtitle),
  });
  top += lineHeight(FONTS.subtitle) + GAP;
  if (heading.legend && heading.legend.length > 0) {
    const legend = legendShapes(heading.legend, MARGIN, top, inner, measure);
    shapes.push(...legend.shapes);
    top += legend.height + GAP / 2;
  }
  shapes.push({ kind: 'rect', x: MARGIN, y: top, w: inner, h: 2, fill: LINE });
  top += 2 + 32;
  const content = body(MARGIN, top, inner);
  shapes.push(...content.shapes);
  return { width, height: Math.ceil(top + content.height + MARGIN), shapes };
}

import { FONTS, GAP, INK, lineHeight, type Measure, MUTED, type Shape } from './scene';
import { wrapText } from './wrap';

/** A note, an issue or an action sheet as a card: a stripe of its colour, a title, text, a footer. */
export interface Card {
  title?: string;
  text: string;
  footer?: string;
  background: string;
  accent: string;
}

const PAD = 14;
const STRIPE = 6;

export interface Placed {
  shapes: Shape[];
  height: number;
}

/** What a card holds, wrapped to its width, without its frame: laid out first, so that a row of cards can share a height. */
function cardContent(card: Card, w: number, maxLines: number, measure: Measure) {
  const inner = w - 2 * PAD;
  const title = card.title ? wrapText(card.title, FONTS.cardTitle, inner, 3, measure) : [];
  const text = wrapText(card.text, FONTS.text, inner, maxLines, measure);
  const footer = card.footer ? wrapText(card.footer, FONTS.small, inner, 1, measure) : [];
  const heights = [
    title.length * lineHeight(FONTS.cardTitle),
    text.length * lineHeight(FONTS.text),
    footer.length * lineHeight(FONTS.small),
  ];
  const parts = heights.filter((h) => h > 0).length;
  const height = STRIPE + 2 * PAD + heights.reduce((a, b) => a + b, 0) + Math.max(0, parts - 1) * 8;
  return { title, text, footer, height };
}

function drawCard(
  card: Card,
  content: ReturnType<typeof cardContent>,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const shapes: Shape[] = [
    { kind: 'rect', x, y, w, h, fill: card.background, radius: 8 },
    { kind: 'rect', x, y, w, h: STRIPE, fill: card.accent, radius: 3 },
  ];
  let top = y + STRIPE + PAD;
  const add = (lines: string[], font: (typeof FONTS)[keyof typeof FONTS], color: string) => {
    if (lines.length === 0) return;
    shapes.push({ kind: 'text', x: x + PAD, y: top, lines, font, color, lineHeight: lineHeight(font) });
    top += lines.length * lineHeight(font) + 8;
  };
  add(content.title, FONTS.cardTitle, INK);
  add(content.text, FONTS.text, INK);
  // The footer sits at the card's foot, whatever the text's length.
  if (content.footer.length > 0)
    shapes.push({
      kind: 'text',
      x: x + PAD,
      y: y + h - PAD - lineHeight(FONTS.small),
      lines: content.footer,
      font: FONTS.small,
      color: MUTED,
      lineHeight: lineHeight(FONTS.small),
    });
  return shapes;
}

/**
 * Cards `perRow` abreast, each its own height, each placed under the shortest column so far
 * (a masonry): rows of equal height would leave a short note's card half empty.
 */
export function cardGrid(
  cards: readonly Card[],
  x: number,
  y: number,
  width: number,
  perRow: number,
  maxLines: number,
  measure: Measure,
): Placed {
  const w = (width - (perRow - 1) * GAP) / perRow;
  const bottoms = Array.from({ length: Math.max(1, perRow) }, () => y);
  const shapes: Shape[] = [];
  for (const card of cards) {
    const column = bottoms.indexOf(Math.min(...bottoms));
    const content = cardContent(card, w, maxLines, measure);
    const top = bottoms[column] as number;
    shapes.push(...drawCard(card, content, x + column * (w + GAP), top, w, content.height));
    bottoms[column] = top + content.height + GAP;
  }
  return { shapes, height: cards.length === 0 ? 0 : Math.max(...bottoms) - y - GAP };
}

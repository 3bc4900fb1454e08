import { describe, expect, it } from 'vitest';
import { type Card, cardGrid } from './cards';
import type { Measure } from './scene';

const measure: Measure = (text, font) => [...text].length * font.size * 0.55;
const card = (text: string): Card => ({ text, footer: 'Habitant·e', background: '#fff', accent: '#000' });
const rects = (shapes: ReturnType<typeof cardGrid>['shapes']) =>
  shapes.filter((s) => s.kind === 'rect' && s.h > 6) as { x: number; y: number; w: number; h: number }[];

describe('cardGrid', () => {
  const long = 'Les horaires de bus ne correspondent pas aux trains à la gare (constat partagé)';
  const placed = cardGrid(
    [card(long), card('Court'), card('Court'), card('Court')],
    0,
    100,
    1000,
    3,
    6,
    measure,
  );
  const cards = rects(placed.shapes);

  it('places each card under the shortest column, inside the width, overlapping none', () => {
    expect(cards).toHaveLength(4);
    // The fourth goes under a short card, not under the long one.
    expect(cards[3]?.x).not.toBe(cards[0]?.x);
    for (const a of cards) {
      expect(a.x + a.w).toBeLessThanOrEqual(1000 + 0.001);
      for (const b of cards)
        if (a !== b)
          expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
  });

  it('is as tall as its tallest column', () => {
    const bottom = Math.max(...cards.map((c) => c.y + c.h));
    expect(placed.height).toBe(bottom - 100);
    expect(cardGrid([], 0, 0, 1000, 3, 6, measure).height).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { placePopover } from './popoverPlace';

describe('where a note’s theme menu opens', () => {
  const bounds = { x: 0, y: 170, width: 1280, height: 550 };
  const menu = { width: 240, height: 330 };

  it('opens below a note high on the screen, lined up with its left edge', () => {
    expect(placePopover({ x: 100, y: 200, width: 200, height: 160 }, menu, bounds)).toEqual({
      above: false,
      alignEnd: false,
      maxHeight: null,
    });
  });

  it('opens above a note near the bottom, and to the left near the right edge', () => {
    expect(placePopover({ x: 1150, y: 540, width: 120, height: 96 }, menu, bounds)).toEqual({
      above: true,
      alignEnd: true,
      maxHeight: null,
    });
  });

  it('scrolls on the roomier side when the screen is too short for the whole list', () => {
    const place = placePopover(
      { x: 100, y: 300, width: 200, height: 160 },
      { width: 240, height: 700 },
      bounds,
    );
    expect(place).toEqual({ above: false, alignEnd: false, maxHeight: 720 - 468 });
  });
});

import { DEFAULT_THEMES, UNTHEMED_COLOR } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { noteColors, tint } from './colors';

/** WCAG relative luminance, to check dark text stays readable on tinted notes. */
function luminance(hex: string): number {
  const v = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

describe('note colours', () => {
  it('tints towards white', () => {
    expect(tint('#000000', 0)).toBe('#000000');
    expect(tint('#000000', 1)).toBe('#ffffff');
    expect(tint('#ff0000', 0.5)).toBe('#ff8080');
    expect(tint('nonsense', 0.5)).toBe('nonsense');
  });

  it('keeps every default theme pale enough for dark text (contrast ≥ 7:1)', () => {
    const text = luminance('#1c1b1f');
    for (const theme of DEFAULT_THEMES) {
      const bg = luminance(noteColors(theme).background);
      expect((bg + 0.05) / (text + 0.05), theme.id).toBeGreaterThanOrEqual(7);
    }
  });

  it('uses the unthemed colour when a note has no theme', () => {
    expect(noteColors(undefined).background).toBe(UNTHEMED_COLOR);
  });
});

import { type Locale, type Theme, UNTHEMED_COLOR } from '@atelier/shared';

/** Mixes a `#rrggbb` colour with white: `amount` 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return hex;
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

export interface NoteColors {
  /** Card background: pale enough for dark text on a projector. */
  background: string;
  /** The theme's own colour, for the stripe and the theme chip. */
  accent: string;
}

export function noteColors(theme: Theme | undefined): NoteColors {
  if (!theme) return { background: UNTHEMED_COLOR, accent: '#c9b400' };
  return { background: tint(theme.color, 0.78), accent: theme.color };
}

export function themeLabel(theme: Theme, locale: Locale): string {
  return theme.label[locale] || theme.label.fr || theme.id;
}

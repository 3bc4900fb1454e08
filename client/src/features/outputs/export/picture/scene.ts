/**
 * A board picture as plain shapes on a page of CSS pixels: what the layouts (pure, tested
 * without a browser) produce and `drawScene` paints on a canvas.
 */

export interface Font {
  size: number;
  weight?: 400 | 600 | 700;
  italic?: boolean;
}

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      stroke?: string;
      radius?: number;
    }
  | {
      kind: 'text';
      x: number;
      y: number;
      /** Already wrapped: one entry a line, the first line's top at `y`. */
      lines: string[];
      font: Font;
      color: string;
      lineHeight: number;
      align?: 'left' | 'right';
    };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

/** The width of a text in a font, in CSS pixels (a canvas's measureText in the browser). */
export type Measure = (text: string, font: Font) => number;

/** The picture's width in CSS pixels: a slide's (1920 × 1080), drawn at up to twice that. */
export const PICTURE_WIDTH = 1920;
export const MARGIN = 64;
export const GAP = 20;

/** Sizes for a slide seen from the back of a room: a note's text at 19 px of the picture's 1920. */
export const FONTS = {
  title: { size: 44, weight: 700 },
  subtitle: { size: 24 },
  section: { size: 26, weight: 700 },
  cardTitle: { size: 20, weight: 700 },
  text: { size: 19 },
  small: { size: 16 },
} as const satisfies Record<string, Font>;

export const INK = '#1f2328';
export const MUTED = '#57606a';
export const LINE = '#d0d7de';

export const lineHeight = (font: Font) => Math.round(font.size * 1.3);

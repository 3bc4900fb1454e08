import type { Font, Measure, Scene } from './scene';

/** The app's own typeface first (see base.css), then what the system has. */
const FAMILY = '"Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';

export const cssFont = (font: Font) =>
  `${font.italic ? 'italic ' : ''}${font.weight ?? 400} ${font.size}px ${FAMILY}`;

/** Text widths from a canvas's own measure, remembered: a board repeats words and fonts. */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  const known = new Map<string, number>();
  return (text, font) => {
    const f = cssFont(font);
    const key = `${f}\u0000${text}`;
    let width = known.get(key);
    if (width === undefined) {
      if (ctx.font !== f) ctx.font = f;
      width = ctx.measureText(text).width;
      known.set(key, width);
    }
    return width;
  };
}

/** Paints the scene on white at `ratio` device pixels a CSS pixel. */
export function drawScene(scene: Scene, ratio: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(scene.width * ratio);
  canvas.height = Math.round(scene.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, scene.width, scene.height);
  ctx.textBaseline = 'top';
  for (const shape of scene.shapes) {
    if (shape.kind === 'rect') {
      ctx.beginPath();
      ctx.roundRect(shape.x, shape.y, shape.w, shape.h, shape.radius ?? 0);
      if (shape.fill) {
        ctx.fillStyle = shape.fill;
        ctx.fill();
      }
      if (shape.stroke) {
        ctx.strokeStyle = shape.stroke;
        ctx.stroke();
      }
    } else {
      ctx.font = cssFont(shape.font);
      ctx.fillStyle = shape.color;
      ctx.textAlign = shape.align ?? 'left';
      // `top` puts the glyphs' top at y; a little of the line's leading above them centres the line.
      const lead = (shape.lineHeight - shape.font.size) / 2;
      shape.lines.forEach((line, i) => {
        ctx.fillText(line, shape.x, shape.y + lead + i * shape.lineHeight);
      });
    }
  }
  return canvas;
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

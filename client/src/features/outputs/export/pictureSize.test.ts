import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_SIDE, MAX_PICTURE_PIXELS, picturePixelRatio } from './pictureSize';

describe('picturePixelRatio', () => {
  it('draws a slide-sized picture at twice its size', () => {
    expect(picturePixelRatio(1920, 1080)).toBe(2);
  });

  it('keeps a tall picture (320 notes) under the pixel budget, but never under its own size', () => {
    const ratio = picturePixelRatio(1920, 8000);
    expect(ratio).toBeLessThan(2);
    expect(1920 * ratio * 8000 * ratio).toBeLessThanOrEqual(MAX_PICTURE_PIXELS + 1);
    expect(picturePixelRatio(1920, 20_000)).toBe(1);
  });

  it('keeps a picture a canvas could not hold under the side limit', () => {
    expect(40_000 * picturePixelRatio(1920, 40_000)).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });
});

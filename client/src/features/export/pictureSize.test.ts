import { describe, expect, it } from 'vitest';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../board/geometry';
import {
  boardPictureArea,
  MAX_PICTURE_PIXELS,
  MAX_PICTURE_SIDE,
  PICTURE_MARGIN,
  PICTURE_MIN_WIDTH,
  picturePixelRatio,
} from './pictureSize';

describe('picturePixelRatio', () => {
  it('draws a screen-sized picture at twice its size', () => {
    expect(picturePixelRatio(1440, 900)).toBe(2);
  });

  it('keeps a large board under the pixel budget', () => {
    const ratio = picturePixelRatio(8600, 2600);
    expect(ratio).toBeLessThan(2);
    expect(8600 * ratio * 2600 * ratio).toBeLessThanOrEqual(MAX_PICTURE_PIXELS + 1);
  });

  it('keeps a very long board under the side limit', () => {
    expect(40_000 * picturePixelRatio(40_000, 300)).toBeLessThanOrEqual(MAX_PICTURE_SIDE);
  });
});

describe('boardPictureArea', () => {
  it('holds every note with a margin around them', () => {
    const area = boardPictureArea([
      { x: -500, y: 100 },
      { x: 1500, y: 900 },
    ]);
    expect(area).toEqual({
      x: -500 - PICTURE_MARGIN,
      y: 100 - PICTURE_MARGIN,
      width: 2000 + NOTE_WIDTH + 2 * PICTURE_MARGIN,
      height: 800 + NOTE_HEIGHT + 2 * PICTURE_MARGIN,
    });
  });

  it('centres a small board in a slide-wide picture', () => {
    const area = boardPictureArea([{ x: 0, y: 0 }]);
    expect(area?.width).toBe(PICTURE_MIN_WIDTH);
    expect((area?.x ?? 0) + (area?.width ?? 0) / 2).toBe(NOTE_WIDTH / 2);
  });

  it('is nothing for an empty board', () => {
    expect(boardPictureArea([])).toBeNull();
  });
});

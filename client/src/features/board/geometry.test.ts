import { describe, expect, it } from 'vitest';
import {
  fitRect,
  MAX_ZOOM,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteIntersects,
  notesBounds,
  screenToBoard,
  visibleRect,
  zoomAt,
} from './geometry';

describe('board geometry', () => {
  it('keeps the point under the pointer fixed while zooming', () => {
    const viewport = { x: 100, y: 50, zoom: 1 };
    const anchor = { x: 400, y: 300 };
    const before = screenToBoard(viewport, anchor);
    const zoomed = zoomAt(viewport, anchor, 2);
    expect(zoomed.zoom).toBe(2);
    expect(screenToBoard(zoomed, anchor)).toEqual(before);
    expect(zoomAt(viewport, anchor, 100).zoom).toBe(MAX_ZOOM);
  });

  it('computes the visible part of the board and culls notes outside it', () => {
    const rect = visibleRect({ x: -1000, y: 0, zoom: 0.5 }, { width: 800, height: 600 });
    expect(rect).toEqual({ x: 2000, y: -0, width: 1600, height: 1200 });
    expect(noteIntersects({ x: 2100, y: 100 }, rect)).toBe(true);
    expect(noteIntersects({ x: 2000 - NOTE_WIDTH - 1, y: 100 }, rect)).toBe(false);
    expect(noteIntersects({ x: 2100, y: 1201 }, rect)).toBe(false);
  });

  it('fits all notes on screen, centred', () => {
    const bounds = notesBounds([
      { x: 0, y: 0 },
      { x: 1000, y: 500 },
    ]);
    expect(bounds).toEqual({ x: 0, y: 0, width: 1000 + NOTE_WIDTH, height: 500 + NOTE_HEIGHT });
    const size = { width: 1248, height: 800 };
    const viewport = fitRect(bounds!, size);
    expect(viewport.zoom).toBeCloseTo(1152 / 1200);
    const centre = screenToBoard(viewport, { x: 624, y: 400 });
    expect(centre.x).toBeCloseTo(600);
    expect(centre.y).toBeCloseTo(330);
    expect(notesBounds([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  centreOn,
  coveredInsets,
  fitRect,
  MAX_ZOOM,
  MIN_ZOOM,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteIntersects,
  notesBounds,
  openBoardRect,
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

  it('counts a toolbar at the bottom and a panel laid over the right as covering those sides', () => {
    const canvas = { x: 0, y: 170, width: 1024, height: 598 };
    const toolbar = { x: 340, y: 690, width: 590, height: 54 };
    const panel = { x: 664, y: 170, width: 360, height: 598 };
    const outside = { x: 0, y: 0, width: 1024, height: 60 };
    expect(coveredInsets(canvas, [toolbar, panel, outside])).toEqual({
      top: 0,
      right: 360,
      bottom: 78,
      left: 0,
    });
  });

  it('fits a board into the part the toolbar leaves free, however wide, past the zoom buttons’ limit', () => {
    // Nine columns of notes 2,000 units apart on a laptop canvas: fitting takes a zoom under MIN_ZOOM.
    const notes = Array.from({ length: 9 }, (_, i) => ({ x: i * 2000, y: (i % 3) * 400 }));
    const bounds = notesBounds(notes)!;
    const size = { width: 640, height: 598 };
    const insets = { top: 0, right: 0, bottom: 78, left: 0 };
    const viewport = fitRect(bounds, size, 48, 1, insets);
    expect(viewport.zoom).toBeLessThan(MIN_ZOOM);
    for (const note of notes) {
      const topLeft = { x: note.x * viewport.zoom + viewport.x, y: note.y * viewport.zoom + viewport.y };
      expect(topLeft.x).toBeGreaterThanOrEqual(48 - 0.01);
      expect(topLeft.x + NOTE_WIDTH * viewport.zoom).toBeLessThanOrEqual(640 - 48 + 0.01);
      expect(topLeft.y + NOTE_HEIGHT * viewport.zoom).toBeLessThanOrEqual(598 - 78 - 48 + 0.01);
    }
    // From such a view the zoom buttons zoom in, never jump back to their own limit when zooming out.
    expect(zoomAt(viewport, { x: 0, y: 0 }, viewport.zoom / 2).zoom).toBeCloseTo(viewport.zoom);
    expect(zoomAt(viewport, { x: 0, y: 0 }, viewport.zoom * 1.25).zoom).toBeCloseTo(viewport.zoom * 1.25);
  });

  it('gives the uncovered part of the view in board units, and centres a note in it', () => {
    const viewport = { x: 100, y: 50, zoom: 0.5 };
    const size = { width: 1000, height: 600 };
    const insets = { top: 0, right: 200, bottom: 100, left: 0 };
    expect(openBoardRect(viewport, size, insets, 10)).toEqual({ x: -180, y: -80, width: 1560, height: 960 });
    const moved = centreOn(viewport, size, insets, { x: 5000, y: 5000, width: 200, height: 160 });
    expect(moved.zoom).toBe(0.5);
    expect(screenToBoard(moved, { x: 400, y: 250 })).toEqual({ x: 5100, y: 5080 });
  });
});

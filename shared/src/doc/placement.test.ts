import { describe, expect, it } from 'vitest';
import { findFreeSpot, findFreeSpotIn, NOTE_HEIGHT, NOTE_WIDTH, placeNewNote } from './placement';

describe('where a note goes', () => {
  it('centres a new note on a point and avoids stacking it exactly on another', () => {
    expect(placeNewNote({ x: 100, y: 80 }, [])).toEqual({ x: 0, y: 0 });
    expect(placeNewNote({ x: 100, y: 80 }, [{ x: 0, y: 0 }])).toEqual({ x: 24, y: 24 });
    expect(NOTE_HEIGHT).toBeGreaterThan(0);
  });

  it('finds the nearest free spot for a note added from the toolbar', () => {
    expect(findFreeSpot({ x: 100, y: 80 }, [])).toEqual({ x: 0, y: 0 });
    const spot = findFreeSpot({ x: 100, y: 80 }, [{ x: 0, y: 0 }]);
    const overlaps = Math.abs(spot.x) < NOTE_WIDTH && Math.abs(spot.y) < NOTE_HEIGHT;
    expect(overlaps).toBe(false);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThanOrEqual(NOTE_WIDTH + 16);
  });
});

describe('where a note added from the toolbar goes in the part of the board a person sees', () => {
  const area = { x: 1000, y: -200, width: 1100, height: 520 };
  const inside = (p: { x: number; y: number }) =>
    p.x >= area.x &&
    p.y >= area.y &&
    p.x + NOTE_WIDTH <= area.x + area.width &&
    p.y + NOTE_HEIGHT <= area.y + area.height;
  const touches = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT;

  it('goes in the middle of an empty view', () => {
    expect(findFreeSpotIn(area, [])).toEqual({ x: 1450, y: -20 });
  });

  it('fills the view note after note, each whole inside it and on no other, then says it is full', () => {
    const placed: { x: number; y: number }[] = [];
    for (;;) {
      const spot = findFreeSpotIn(area, placed);
      if (!spot) break;
      expect(inside(spot)).toBe(true);
      for (const other of placed) expect(touches(spot, other)).toBe(false);
      placed.push(spot);
    }
    // 1100 × 520 holds at least a grid of 4 × 2 notes with their gaps, and not 6 × 3.
    expect(placed.length).toBeGreaterThanOrEqual(8);
    expect(placed.length).toBeLessThan(18);
  });

  it('finds the gap left in a view crowded with dozens of notes, and ignores notes out of view', () => {
    const crowd: { x: number; y: number }[] = [];
    for (let col = 0; col < 5; col++) {
      for (let row = 0; row < 3; row++) crowd.push({ x: 1000 + col * 240, y: -200 + row * 200 });
    }
    const gap = crowd.splice(7, 1)[0];
    const far = Array.from({ length: 60 }, (_, i) => ({ x: -5000 + i * 10, y: 3000 }));
    const spot = findFreeSpotIn({ x: 1000, y: -200, width: 5 * 240, height: 3 * 200 }, [...crowd, ...far]);
    expect(spot).not.toBeNull();
    if (spot && gap) expect(touches(spot, gap)).toBe(true);
  });

  it('has no spot in a view smaller than a note, and stays quick in a view far out over a large board', () => {
    expect(findFreeSpotIn({ x: 0, y: 0, width: 150, height: 400 }, [])).toBeNull();
    const board = Array.from({ length: 2000 }, (_, i) => ({
      x: (i % 50) * 220,
      y: Math.floor(i / 50) * 180,
    }));
    const started = Date.now();
    const spot = findFreeSpotIn({ x: -2000, y: -2000, width: 15000, height: 11000 }, board);
    expect(Date.now() - started).toBeLessThan(500);
    expect(spot).not.toBeNull();
    if (spot) for (const note of board) expect(touches(spot, note)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { findFreeSpot, NOTE_HEIGHT, NOTE_WIDTH, placeNewNote } from './placement';

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

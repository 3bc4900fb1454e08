import type { Note } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { NOTE_WIDTH, visibleRect } from '../canvas/geometry';
import { cullKey, rectFromCullKey, visibleNoteIds } from './useVisibleNotes';

const note = (id: string, x: number, y: number, z = 0): Note => ({
  id,
  x,
  y,
  z,
  text: '',
  theme: null,
  author: 'p',
  createdAt: 0,
  cluster: null,
  order: '',
  table: null,
});

describe('note culling', () => {
  it('draws only notes near the viewport, in the store order, plus the ones being worked on', () => {
    const notes: Record<string, Note> = {};
    for (let i = 0; i < 5000; i++)
      notes[`n${i}`] = note(`n${i}`, (i % 100) * 250, Math.floor(i / 100) * 200, i);
    notes.top = note('top', 10, 10, 1e9);
    const rect = rectFromCullKey(cullKey({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 800 }));
    const ids = visibleNoteIds(notes, rect, ['n4999']);
    expect(ids.length).toBeLessThan(200);
    expect(ids).toContain('n0');
    expect(ids).toContain('n4999');
    expect(ids).not.toContain('n50');
    expect(ids.slice(0, 2)).toEqual(['n0', 'n1']);
    expect(ids.at(-1)).toBe('top');
  });

  it("draws, during a table round, only the notes of the person's table space", () => {
    const notes: Record<string, Note> = {
      mine: { ...note('mine', 0, 0), table: 't1' },
      theirs: { ...note('theirs', 10, 10), table: 't2' },
      plenary: note('plenary', 20, 20),
    };
    const rect = { x: -100, y: -100, width: 1000, height: 1000 };
    const table = { id: 't1', name: 'Table 1', color: '#e91e63', order: 0 };
    expect(visibleNoteIds(notes, rect, [], undefined, { kind: 'table', table, own: true })).toEqual(['mine']);
    expect(visibleNoteIds(notes, rect, [], undefined, { kind: 'plenary' })).toEqual([
      'mine',
      'theirs',
      'plenary',
    ]);
  });

  it('covers the whole visible area and changes only when panning crosses a tile', () => {
    const size = { width: 1200, height: 800 };
    const viewport = { x: -3000, y: 500, zoom: 0.7 };
    const rect = rectFromCullKey(cullKey(viewport, size));
    const visible = visibleRect(viewport, size);
    expect(rect.x).toBeLessThanOrEqual(visible.x - NOTE_WIDTH);
    expect(rect.x + rect.width).toBeGreaterThanOrEqual(visible.x + visible.width);
    expect(rect.y + rect.height).toBeGreaterThanOrEqual(visible.y + visible.height);
    expect(cullKey({ ...viewport, x: viewport.x - 3 }, size)).toBe(cullKey(viewport, size));
  });
});

import type { Note } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { visibleNoteIds } from './useVisibleNotes';

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
});

describe('visibleNoteIds', () => {
  it('draws only notes near the viewport, in stacking order, plus the ones being worked on', () => {
    const notes: Record<string, Note> = {};
    for (let i = 0; i < 5000; i++)
      notes[`n${i}`] = note(`n${i}`, (i % 100) * 250, Math.floor(i / 100) * 200, i);
    notes.top = note('top', 10, 10, 1e9);
    const ids = visibleNoteIds(notes, { x: 0, y: 0, zoom: 1 }, { width: 1000, height: 800 }, ['n4999']);
    expect(ids.length).toBeLessThan(100);
    expect(ids).toContain('n0');
    expect(ids).toContain('n4999');
    expect(ids).not.toContain('n50');
    expect(ids.at(-1)).toBe('top');
  });
});

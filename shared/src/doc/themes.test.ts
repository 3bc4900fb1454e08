import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedControl } from './control';
import { addNote, readNotes, setNoteTheme } from './notes';
import {
  addTheme,
  DEFAULT_THEMES,
  moveTheme,
  readAllThemes,
  readThemes,
  setThemeArchived,
  updateTheme,
} from './themes';

function control(): Y.Doc {
  const doc = new Y.Doc();
  seedControl(doc);
  return doc;
}

describe('theme list (facilitator commands)', () => {
  it('adds a theme at the end, named in both languages, with a normalised colour', () => {
    const doc = control();
    const theme = addTheme(doc, { name: '  Tourisme vert ', color: '#2E7D32' }, 'tourism');
    expect(theme).toEqual({
      id: 'tourism',
      label: { fr: 'Tourisme vert', en: 'Tourisme vert' },
      color: '#2e7d32',
      order: DEFAULT_THEMES.length,
    });
    expect(readThemes(doc).at(-1)?.id).toBe('tourism');
  });

  it('refuses an empty or too long name and a colour that is not #rrggbb, changing nothing', () => {
    const doc = control();
    const before = JSON.stringify(readAllThemes(doc));
    expect(() => addTheme(doc, { name: '   ', color: '#123456' })).toThrow();
    expect(() => addTheme(doc, { name: 'x'.repeat(61), color: '#123456' })).toThrow();
    expect(() => addTheme(doc, { name: 'Santé', color: 'red' })).toThrow();
    expect(() => updateTheme(doc, 'mobility', { color: '#12345' })).toThrow();
    expect(() => updateTheme(doc, 'nope', { name: 'Ghost' })).toThrow(/No theme/);
    expect(JSON.stringify(readAllThemes(doc))).toBe(before);
  });

  it('renames and recolours a theme', () => {
    const doc = control();
    updateTheme(doc, 'mobility', { name: 'Mobilités', color: '#00AA00' });
    expect(readThemes(doc).find((t) => t.id === 'mobility')).toMatchObject({
      label: { fr: 'Mobilités', en: 'Mobilités' },
      color: '#00aa00',
      order: 0,
    });
  });

  it('archives a theme without touching its notes, and restores it', () => {
    const doc = control();
    const board = new Y.Doc();
    const id = addNote(board, { x: 0, y: 0, author: 'p1', text: 'Pistes cyclables' });
    setNoteTheme(board, id, 'mobility');
    setThemeArchived(doc, 'mobility', true);
    expect(readThemes(doc).map((t) => t.id)).not.toContain('mobility');
    expect(readAllThemes(doc).find((t) => t.id === 'mobility')?.archived).toBe(true);
    expect(readNotes(board)[0]?.theme).toBe('mobility');
    setThemeArchived(doc, 'mobility', false);
    expect(readThemes(doc)[0]).toEqual(DEFAULT_THEMES[0]);
  });

  it('moves a theme up or down the list, and not past either end', () => {
    const doc = control();
    moveTheme(doc, 'digital', -1);
    expect(
      readThemes(doc)
        .slice(0, 2)
        .map((t) => t.id),
    ).toEqual(['digital', 'mobility']);
    moveTheme(doc, 'digital', -1);
    expect(readThemes(doc)[0]?.id).toBe('digital');
    const last = readThemes(doc).at(-1)?.id ?? '';
    moveTheme(doc, last, 1);
    expect(readThemes(doc).at(-1)?.id).toBe(last);
  });
});

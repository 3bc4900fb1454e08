import { describe, expect, it } from 'vitest';
import { historyKey } from './undoKeys';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>,
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('undo and redo keys', () => {
  it('reads Ctrl/⌘+Z as undo, with Shift or Y as redo, and nothing else', () => {
    expect(historyKey(press('z', { ctrlKey: true }))).toBe('undo');
    expect(historyKey(press('z', { metaKey: true }))).toBe('undo');
    expect(historyKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(historyKey(press('z', {}))).toBeNull();
    expect(historyKey(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyKey(press('x', { ctrlKey: true }))).toBeNull();
  });
});

import { addNote, noteText } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DeltaOp, transformPosition, transformSelection } from './caret';

/** Applies `change` to a note's Y.Text holding `text` and returns the delta of that change. */
function deltaOf(text: string, change: (t: Y.Text) => void): DeltaOp[] {
  const doc = new Y.Doc();
  const ytext = noteText(doc, addNote(doc, { text, x: 0, y: 0, author: 'me' }));
  if (!ytext) throw new Error('the note has no text');
  let delta: DeltaOp[] = [];
  ytext.observe((event) => {
    delta = event.delta as DeltaOp[];
  });
  change(ytext);
  return delta;
}

describe('caret transform', () => {
  it('shifts the caret right when someone types before it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, '>> '));
    expect(transformPosition(6, delta)).toBe(9);
  });

  it('leaves the caret alone when someone types after it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(11, '!'));
    expect(transformPosition(5, delta)).toBe(5);
  });

  it('keeps the caret before text inserted exactly at it', () => {
    const delta = deltaOf('abcdef', (t) => t.insert(3, 'XYZ'));
    expect(transformPosition(3, delta)).toBe(3);
    expect(transformPosition(4, delta)).toBe(7);
  });

  it('pulls the caret left on deletions before it and collapses it inside one', () => {
    const before = deltaOf('abcdefgh', (t) => t.delete(1, 2));
    expect(transformPosition(6, before)).toBe(4);
    const around = deltaOf('abcdefgh', (t) => t.delete(2, 4));
    expect(transformPosition(4, around)).toBe(2);
    expect(transformPosition(7, around)).toBe(3);
  });

  it('transforms a whole selection', () => {
    const delta = deltaOf('one two three', (t) => t.insert(0, 'zero '));
    expect(transformSelection({ start: 4, end: 7 }, delta)).toEqual({ start: 9, end: 12 });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from './text';

function textOf(initial: string) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  return text;
}

describe('replaceText', () => {
  it.each([
    ['', 'hello'],
    ['hello', ''],
    ['hello', 'help'],
    ['abc', 'aXc'],
    ['mobilité douce', 'mobilités douces'],
    ['a😀b', 'a😁b'],
    ['😀', ''],
  ])('turns %j into %j', (from, to) => {
    const text = textOf(from);
    replaceText(text, to);
    expect(text.toString()).toBe(to);
  });

  it('touches only the changed span, so an insertion elsewhere by someone else survives', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'Vélo en ville');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('t'), 'Vélo partout en ville');
    b.getText('t').insert(b.getText('t').length, ' !');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(a.getText('t').toString()).toBe('Vélo partout en ville !');
  });
});

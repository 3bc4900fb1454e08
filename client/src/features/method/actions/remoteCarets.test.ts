import { actionText, createAction } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RemoteSheetCaret } from '../../../state/types';
import { captureSelection, encodePosition } from '../../../toolbox/text/textBinding';
import { overlayPieces, resolveCarets } from './remoteCarets';

describe('the others’ carets', () => {
  const caret = (clientId: number, name: string, anchor: string, head = anchor): RemoteSheetCaret => ({
    clientId,
    participantId: `p${clientId}`,
    name,
    color: `#00000${clientId}`,
    sheet: 's1',
    field: 'objectives',
    anchor,
    head,
  });

  it('places each caret and selection on the current text', () => {
    const doc = new Y.Doc();
    createAction(doc, { title: 'A', axis: null }, 's1');
    const text = actionText(doc, 's1', 'objectives');
    text.insert(0, 'tiers-lieu');
    const at = (index: number) => encodePosition(captureSelection(text, { anchor: index, head: index }).head);
    const range = captureSelection(text, { anchor: 0, head: 5 });
    const marks = resolveCarets(text, [
      caret(2, 'Bea', at(5)),
      caret(3, 'Ali', encodePosition(range.anchor), encodePosition(range.head)),
      caret(4, 'Unknown', 'AAAAAA=='),
    ]);
    const beaBefore = at(5);
    text.insert(0, 'Un ');
    const moved = resolveCarets(text, [caret(2, 'Bea', beaBefore)]);
    expect(marks.map((m) => [m.name, m.anchor, m.head])).toEqual([
      ['Bea', 5, 5],
      ['Ali', 0, 5],
    ]);
    expect(moved[0]?.head).toBe(8);
  });

  it('cuts the text where carets and selections are', () => {
    const bea = { key: 2, name: 'Bea', color: 'red', anchor: 5, head: 5 };
    const ali = { key: 3, name: 'Ali', color: 'blue', anchor: 9, head: 3 };
    expect(overlayPieces('tiers-lieu numérique', [bea, ali])).toEqual([
      { type: 'text', text: 'tie', colors: [] },
      { type: 'caret', mark: ali },
      { type: 'text', text: 'rs', colors: ['blue'] },
      { type: 'caret', mark: bea },
      { type: 'text', text: '-lie', colors: ['blue'] },
      { type: 'text', text: 'u numérique', colors: [] },
    ]);
    expect(overlayPieces('', [bea])).toEqual([{ type: 'caret', mark: bea }]);
    expect(overlayPieces('abc', [])).toEqual([{ type: 'text', text: 'abc', colors: [] }]);
  });
});

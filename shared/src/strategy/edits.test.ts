import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addFinancingLine, setActionBudget, setActionText } from '../doc/actions';
import { renameCluster } from '../doc/clusters';
import { addNote, moveNote } from '../doc/notes';
import { setProcessStep } from '../doc/process';
import { type EditedItem, editedItems } from './edits';
import { fixtureWorkshop } from './workshop.fixture';

/** What the board's next transaction (`edit`) touched, as the server's journal reads it. */
function touched(edit: (board: Y.Doc) => void): EditedItem[] {
  const { board } = fixtureWorkshop();
  let out: EditedItem[] = [];
  const listen = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    out = [...out, ...editedItems(tr)];
  };
  board.on('update', listen);
  edit(board);
  board.off('update', listen);
  return out;
}

describe('editedItems', () => {
  it('names a text field typed into, in the changes’ terms', () => {
    expect(touched((b) => renameCluster(b, 'i-num', 'Fibre'))).toEqual([
      { collection: 'issues', item: 'i-num', field: 'title' },
    ]);
    expect(touched((b) => setActionText(b, 's-tad', 'partners', 'La région'))).toEqual([
      { collection: 'actions', item: 's-tad', field: 'partnersText' },
    ]);
    expect(touched((b) => setActionBudget(b, 's-tad', 12_000))).toEqual([
      { collection: 'actions', item: 's-tad', field: 'budget' },
    ]);
  });

  it('names the sheet for a line of its financing and a step of its process', () => {
    expect(
      touched((b) =>
        addFinancingLine(b, 's-tad', { source: 'state', amount: 1000, label: '', secured: false }),
      ),
    ).toEqual([{ collection: 'actions', item: 's-tad', field: 'financing' }]);
    expect(touched((b) => setProcessStep(b, 's-tad', 'financing-plan', 'done'))).toEqual([
      { collection: 'actions', item: 's-tad', field: 'process' },
    ]);
  });

  it('names a new or deleted item itself, and ignores moves', () => {
    expect(touched((b) => addNote(b, { id: 'n-new', x: 0, y: 0, author: 'p-lea', text: 'Idée' }))).toEqual([
      { collection: 'notes', item: 'n-new', field: null },
    ]);
    expect(touched((b) => b.getMap('notes').delete('n1'))).toEqual([
      { collection: 'notes', item: 'n1', field: null },
    ]);
    expect(touched((b) => moveNote(b, 'n1', { x: 900, y: 900 }))).toEqual([]);
  });
});

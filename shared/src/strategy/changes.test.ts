import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteAction } from '../doc/actions';
import { renameCluster } from '../doc/clusters';
import { addNote, moveNote } from '../doc/notes';
import { buildStrategy } from './build';
import { noChanges, strategyChanges } from './changes';
import { fixtureWorkshop, T0 } from './workshop.fixture';

/** The fixture's outcome, then the same documents after `edit`: two sessions' strategy objects. */
function beforeAndAfter(edit: (board: Y.Doc) => void) {
  const { board, source } = fixtureWorkshop();
  const before = buildStrategy(source);
  const next = new Y.Doc();
  Y.applyUpdate(next, Y.encodeStateAsUpdate(board));
  edit(next);
  return { before, after: buildStrategy({ ...source, board: next }) };
}

describe('strategyChanges', () => {
  it('finds nothing between a session and an untouched copy of it (moves are not changes)', () => {
    const { before, after } = beforeAndAfter((board) => moveNote(board, 'n1', { x: 900, y: 900 }));
    const changes = strategyChanges(before, after);
    expect(noChanges(changes)).toBe(true);
    expect(changes.notes).toEqual([]);
  });

  it('lists a note added with its author, group and time, an issue renamed field by field, a sheet removed', () => {
    const { before, after } = beforeAndAfter((board) => {
      addNote(board, {
        id: 'n-new',
        x: 0,
        y: 600,
        author: 'p-lea',
        text: 'Un tiers-lieu',
        now: T0 + 86_400_000,
      });
      renameCluster(board, 'i-num', 'Fibre et couverture mobile');
      deleteAction(board, 's-tad');
    });
    const changes = strategyChanges(before, after);
    expect(changes.notes).toEqual([
      {
        id: 'n-new',
        change: 'added',
        label: 'Un tiers-lieu',
        fields: [],
        createdAt: new Date(T0 + 86_400_000).toISOString(),
        author: 'p-lea',
        authorGroup: 'resident',
      },
    ]);
    expect(changes.issues).toEqual([
      {
        id: 'i-num',
        change: 'changed',
        label: 'Fibre et couverture mobile',
        fields: [{ field: 'title', from: 'Couverture numérique', to: 'Fibre et couverture mobile' }],
        createdAt: null,
        author: null,
        authorGroup: null,
      },
    ]);
    expect(changes.actions.map((a) => [a.id, a.change, a.label])).toEqual([
      ['s-tad', 'removed', 'Transport à la demande'],
    ]);
    // The sheet's partners and indicators lose their sheet: a change of theirs, not a removal.
    expect(changes.partners.every((p) => p.change === 'changed' && p.fields[0]?.field === 'action')).toBe(
      true,
    );
    expect(changes.axes).toEqual([]);
  });

  it('reports a removed note in the earlier session’s terms', () => {
    const { before, after } = beforeAndAfter((board) => {
      board.getMap('notes').delete('n5');
    });
    const { notes, issues } = strategyChanges(before, after);
    expect(notes).toEqual([
      expect.objectContaining({ id: 'n5', change: 'removed', label: 'Idée en vrac', author: 'p-camille' }),
    ]);
    expect(issues).toEqual([]);
  });
});

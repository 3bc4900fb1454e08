import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteAction } from '../doc/actions';
import { renameCluster } from '../doc/clusters';
import { addNote, moveNote } from '../doc/notes';
import { buildStrategy } from './build';
import { type JournalEdit, noChanges, strategyChanges } from './changes';
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
        editors: [],
        editedAt: null,
        betweenSessions: null,
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
        editors: [],
        editedAt: null,
        betweenSessions: null,
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

  describe('who and when, from the later session’s journal', () => {
    const edit = (over: Partial<JournalEdit>): JournalEdit => ({
      collection: 'issues',
      item: 'i-num',
      field: 'title',
      participant: 'p-marie',
      group: 'elected',
      at: '2026-12-04T14:32:00.000Z',
      alone: false,
      ...over,
    });
    const { before, after } = beforeAndAfter((board) => {
      renameCluster(board, 'i-num', 'Fibre et couverture mobile');
      deleteAction(board, 's-tad');
    });

    it('names the last editors of the changed fields, most recent first, with the last edit’s time', () => {
      const { issues } = strategyChanges(before, after, [
        edit({ participant: 'p-paul', group: 'staff', at: '2026-12-04T14:02:00.000Z' }),
        edit({}),
        edit({ participant: 'p-paul', group: 'staff', at: '2026-12-04T14:05:00.000Z' }),
        // A field that did not change in the end does not explain the change.
        edit({ participant: 'p-zoe', field: 'description', at: '2026-12-04T15:00:00.000Z' }),
        // Another collection's item of the same id is another item.
        edit({ collection: 'axes', participant: 'p-zoe', at: '2026-12-04T16:00:00.000Z' }),
      ]);
      expect(issues[0]).toMatchObject({
        id: 'i-num',
        editors: [
          { participant: 'p-marie', group: 'elected' },
          { participant: 'p-paul', group: 'staff' },
        ],
        editedAt: '2026-12-04T14:32:00.000Z',
        betweenSessions: false,
      });
    });

    it('says “between sessions” when every edit was made with no participant connected', () => {
      const alone = { participant: 'p-consultant', group: 'other' as const, alone: true };
      const { issues, actions } = strategyChanges(before, after, [
        edit({ ...alone }),
        edit({ ...alone, at: '2026-12-05T09:10:00.000Z' }),
        edit({ ...alone, collection: 'actions', item: 's-tad', field: null }),
        // Typing in the sheet during the session, before it was removed alone: the removal explains it.
        edit({ collection: 'actions', item: 's-tad', field: 'budget' }),
      ]);
      expect(issues[0]).toMatchObject({
        editors: [{ participant: 'p-consultant', group: 'other' }],
        editedAt: '2026-12-05T09:10:00.000Z',
        betweenSessions: true,
      });
      expect(actions[0]).toMatchObject({ id: 's-tad', change: 'removed', betweenSessions: true });
    });

    it('falls back on every edit of the item, and on an erased editor without a name', () => {
      const { issues } = strategyChanges(before, after, [
        edit({ field: 'rank', participant: null, group: null }),
      ]);
      expect(issues[0]).toMatchObject({
        editors: [{ participant: null, group: null }],
        betweenSessions: false,
      });
    });
  });
});

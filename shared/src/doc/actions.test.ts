import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionMap, actionText, createAction, deleteAction, IsoDate, readActions } from './actions';

describe('action sheets', () => {
  it('creates a sheet with empty prose fields, as an idea, at the end of its axis', () => {
    const doc = new Y.Doc();
    const first = createAction(doc, { title: '  Hyperviseur urbain ', axis: 'a1' }, 's1', 10);
    const second = createAction(doc, { title: 'Appli vélo', axis: 'a1' }, 's2', 20);
    const sheets = readActions(doc);
    expect(sheets.map((s) => s.id)).toEqual([first, second]);
    expect(sheets[0]).toMatchObject({
      title: 'Hyperviseur urbain',
      axis: 'a1',
      objectives: '',
      budget: null,
      structure: null,
      priority: null,
      status: 'idea',
      financing: [],
      milestones: [],
    });
    expect(actionText(doc, 's1', 'title').toString()).toBe('Hyperviseur urbain');
  });

  it('refuses an empty title and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => createAction(doc, { title: '   ', axis: null })).toThrow();
    expect(readActions(doc)).toEqual([]);
  });

  it('reads malformed values as empty and skips malformed sheets', () => {
    const doc = new Y.Doc();
    createAction(doc, { title: 'A', axis: null }, 's1');
    actionMap(doc, 's1').set('budget', -5);
    actionMap(doc, 's1').set('status', 'whatever');
    doc.getMap('actions').set('junk', new Y.Map());
    expect(readActions(doc)).toMatchObject([{ id: 's1', budget: null, status: 'idea' }]);
  });

  it('deletes a sheet', () => {
    const doc = new Y.Doc();
    createAction(doc, { title: 'A', axis: null }, 's1');
    deleteAction(doc, 's1');
    expect(readActions(doc)).toEqual([]);
    expect(() => deleteAction(doc, 's1')).toThrow();
  });

  it('accepts calendar dates only', () => {
    expect(IsoDate.safeParse('2027-02-28').success).toBe(true);
    expect(IsoDate.safeParse('2027-02-30').success).toBe(false);
    expect(IsoDate.safeParse('28/02/2027').success).toBe(false);
  });
});

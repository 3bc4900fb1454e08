import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAxis, readAxes } from './axes';

describe('strategic axes', () => {
  it('creates axes in order with a trimmed title', () => {
    const doc = new Y.Doc();
    createAxis(doc, { title: ' Un territoire connecté ' }, 'a1', 1);
    createAxis(doc, { title: 'Une économie locale vivante', description: 'Commerces' }, 'a2', 2);
    expect(readAxes(doc)).toMatchObject([
      { id: 'a1', title: 'Un territoire connecté', description: '' },
      { id: 'a2', title: 'Une économie locale vivante', description: 'Commerces' },
    ]);
  });

  it('refuses an empty title and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => createAxis(doc, { title: ' ' })).toThrow();
    expect(readAxes(doc)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  assignNote,
  createCluster,
  describeCluster,
  dissolveCluster,
  mergeClusters,
  moveCluster,
  rankCluster,
  readClusters,
  renameCluster,
} from './clusters';
import { addNote, readNotes } from './notes';

function board() {
  const doc = new Y.Doc();
  const note = (text: string) => addNote(doc, { x: 10, y: 20, author: 'p1', text });
  return { doc, note };
}

const titles = (doc: Y.Doc) => readClusters(doc).map((c) => c.title);

describe('clusters (step 2: priority issues)', () => {
  it('creates issues at the end of the ranking and sorts notes into them in order', () => {
    const { doc, note } = board();
    const mobility = createCluster(doc, { title: 'Mobilité rurale', x: 0, y: 0 });
    const digital = createCluster(doc, {
      title: ' Inclusion numérique ',
      description: 'Accès aux démarches',
      x: 500,
      y: 0,
    });
    const [a, b, c] = [note('Pas de bus le dimanche'), note('Zones blanches'), note('Navette à la demande')];
    assignNote(doc, a, mobility);
    assignNote(doc, b, digital);
    assignNote(doc, c, mobility);
    expect(readClusters(doc)).toMatchObject([
      { id: mobility, title: 'Mobilité rurale', noteIds: [a, c], axis: null },
      { id: digital, title: 'Inclusion numérique', description: 'Accès aux démarches', noteIds: [b] },
    ]);
    // Back onto the board.
    assignNote(doc, c, null);
    expect(readClusters(doc)[0]?.noteIds).toEqual([a]);
    expect(readNotes(doc).find((n) => n.id === c)).toMatchObject({ cluster: null, order: '' });
  });

  it('renames, describes and moves an issue, and refuses an empty title or an unknown issue', () => {
    const { doc } = board();
    const id = createCluster(doc, { title: 'Commerce', x: 0, y: 0 });
    renameCluster(doc, id, 'Commerce de centre-bourg');
    describeCluster(doc, id, 'Vacance commerciale, horaires');
    moveCluster(doc, id, { x: 120.4, y: -30.6 });
    expect(readClusters(doc)[0]).toMatchObject({
      title: 'Commerce de centre-bourg',
      description: 'Vacance commerciale, horaires',
      x: 120,
      y: -31,
    });
    expect(() => renameCluster(doc, id, '   ')).toThrow();
    expect(() => createCluster(doc, { title: '', x: 0, y: 0 })).toThrow();
    expect(() => describeCluster(doc, id, 'x'.repeat(2001))).toThrow();
    expect(() => renameCluster(doc, 'nope', 'Ghost')).toThrow(/No cluster/);
    expect(() => assignNote(doc, 'nope', id)).toThrow(/No note/);
    expect(titles(doc)).toEqual(['Commerce de centre-bourg']);
  });

  it('ranks issues by moving one between two others, and two people ranking at once keep every issue', () => {
    const { doc } = board();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => createCluster(doc, { title, x: 0, y: 0 })) as [
      string,
      string,
      string,
    ];
    rankCluster(doc, c, null, a);
    expect(titles(doc)).toEqual(['C', 'A', 'B']);
    rankCluster(doc, c, a, b);
    expect(titles(doc)).toEqual(['A', 'C', 'B']);
    expect(() => rankCluster(doc, a, b, c)).toThrow();

    // Concurrent moves of the same issue by two people: one wins, nothing is duplicated.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    rankCluster(doc, b, null, a);
    rankCluster(other, b, c, null);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(titles(doc).sort()).toEqual(['A', 'B', 'C']);
    expect(titles(doc)).toEqual(titles(other));
  });

  it('merges an issue into another: notes follow, the description keeps what was written', () => {
    const { doc, note } = board();
    const into = createCluster(doc, { title: 'Mobilité', description: 'Transports', x: 0, y: 0 });
    const from = createCluster(doc, { title: 'Bus', description: 'Horaires du dimanche', x: 0, y: 0 });
    const [a, b] = [note('Pistes cyclables'), note('Pas de bus le dimanche')];
    assignNote(doc, a, into);
    assignNote(doc, b, from);
    mergeClusters(doc, from, into);
    expect(readClusters(doc)).toMatchObject([
      { id: into, noteIds: [a, b], description: 'Transports\nBus — Horaires du dimanche' },
    ]);
  });

  it('dissolves an issue: its notes go back to the board, none is lost', () => {
    const { doc, note } = board();
    const id = createCluster(doc, { title: 'Énergie', x: 0, y: 0 });
    const [a, b] = [note('Isolation des écoles'), note('Éclairage public')];
    assignNote(doc, a, id);
    assignNote(doc, b, id);
    dissolveCluster(doc, id);
    expect(readClusters(doc)).toEqual([]);
    expect(readNotes(doc).map((n) => [n.cluster, n.order])).toEqual([
      [null, ''],
      [null, ''],
    ]);
  });
});

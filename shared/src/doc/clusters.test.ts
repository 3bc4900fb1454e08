import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  assignNote,
  clusterText,
  createCluster,
  describeCluster,
  dissolveCluster,
  mergeClusters,
  moveCluster,
  rankCluster,
  readClusterList,
  readClusters,
  renameCluster,
} from './clusters';
import { convergence } from './convergence.fixture';
import { addNote, readNotes } from './notes';
import { LOCAL_ORIGIN } from './origins';

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
    const net = convergence({ replicas: 2, from: { board: doc } });
    const [one, two] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    rankCluster(one, b, null, a);
    rankCluster(two, b, c, null);
    net.expectConverged();
    expect(titles(one).sort()).toEqual(['A', 'B', 'C']);
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

  it('creates an issue with its first notes in one undoable step', () => {
    const { doc, note } = board();
    const [a, b] = [note('Pas de médecin'), note('Pharmacie fermée')];
    const undo = new Y.UndoManager([doc.getMap('clusters'), doc.getMap('notes')], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
    });
    const id = createCluster(doc, { title: 'Santé', x: 0, y: 0, notes: [b, a] });
    expect(readClusters(doc)).toMatchObject([{ id, title: 'Santé', noteIds: [b, a] }]);
    undo.undo();
    expect(readClusters(doc)).toEqual([]);
    expect(readNotes(doc).every((n) => n.cluster === null)).toBe(true);
  });

  it('refuses to create an issue with an unknown or repeated note, or an id already taken, and writes nothing', () => {
    const { doc, note } = board();
    const a = note('Pas de médecin');
    expect(() => createCluster(doc, { title: 'Santé', x: 0, y: 0, notes: ['ghost'] })).toThrow(/No note/);
    expect(() => createCluster(doc, { title: 'Santé', x: 0, y: 0, notes: [a, a] })).toThrow(/twice/);
    expect(() => createCluster(doc, { title: 'Santé', x: Number.NaN, y: 0 })).toThrow();
    createCluster(doc, { title: 'Santé', x: 0, y: 0 }, 'c1');
    expect(() => createCluster(doc, { title: 'Autre', x: 0, y: 0 }, 'c1')).toThrow(/already exists/);
    expect(() => createCluster(doc, { title: 'Autre', x: 0, y: 0 }, '')).toThrow();
    expect(titles(doc)).toEqual(['Santé']);
    expect(readNotes(doc)[0]?.cluster).toBeNull();
  });

  it('places a note before another inside an issue, and moves it inside its own issue', () => {
    const { doc, note } = board();
    const id = createCluster(doc, { title: 'Mobilité', x: 0, y: 0 });
    const [a, b, c] = [note('A'), note('B'), note('C')];
    assignNote(doc, a, id);
    assignNote(doc, b, id);
    assignNote(doc, c, id, { before: a });
    expect(readClusters(doc)[0]?.noteIds).toEqual([c, a, b]);
    assignNote(doc, c, id, { before: b });
    expect(readClusters(doc)[0]?.noteIds).toEqual([a, c, b]);
    assignNote(doc, a, id, { before: null });
    expect(readClusters(doc)[0]?.noteIds).toEqual([c, b, a]);
  });

  it('puts a note back on the board at a chosen point', () => {
    const { doc, note } = board();
    const id = createCluster(doc, { title: 'Mobilité', x: 0, y: 0 });
    const a = note('A');
    assignNote(doc, a, id);
    assignNote(doc, a, null, { at: { x: 412.6, y: -80.2 } });
    expect(readNotes(doc)[0]).toMatchObject({ cluster: null, order: '', x: 413, y: -80 });
  });

  it('refuses a place that does not fit, changing nothing', () => {
    const { doc, note } = board();
    const one = createCluster(doc, { title: 'Un', x: 0, y: 0 });
    const two = createCluster(doc, { title: 'Deux', x: 0, y: 0 });
    const [a, b, c] = [note('A'), note('B'), note('C')];
    assignNote(doc, a, one);
    assignNote(doc, b, two);
    const before = JSON.stringify(readNotes(doc));
    expect(() => assignNote(doc, c, one, { before: b })).toThrow(/not in cluster/);
    expect(() => assignNote(doc, a, one, { before: a })).toThrow(/itself/);
    expect(() => assignNote(doc, c, one, { at: { x: 0, y: 0 } })).toThrow(/board position/);
    expect(() => assignNote(doc, a, null, { before: b })).toThrow(/board/);
    expect(() => assignNote(doc, a, null, { at: { x: Number.POSITIVE_INFINITY, y: 0 } })).toThrow();
    expect(() => assignNote(doc, c, 'ghost')).toThrow(/No cluster/);
    expect(() => assignNote(doc, '', one)).toThrow();
    // @ts-expect-error: an unknown key is refused, not ignored.
    expect(() => assignNote(doc, c, one, { after: a })).toThrow();
    expect(JSON.stringify(readNotes(doc))).toBe(before);
  });

  it('keeps a stable order when two people append at once, and can still place between the tied notes', () => {
    const { doc: start, note: startNote } = board();
    const id = createCluster(start, { title: 'Mobilité', x: 0, y: 0 }, 'c1');
    const [a, b] = [startNote('A'), startNote('B')];
    const net = convergence({ replicas: 2, from: { board: start } });
    const [doc, other] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    assignNote(doc, a, id);
    assignNote(other, b, id);
    expect(net.expectConverged().issues[0]?.notes).toHaveLength(2);
    const tied = readClusters(doc)[0]?.noteIds ?? [];
    expect(readNotes(doc).map((n) => n.order)).toEqual(['a0', 'a0']);
    const c = addNote(doc, { x: 10, y: 20, author: 'p1', text: 'C' });
    assignNote(doc, c, id, { before: tied[1] as string });
    expect(readClusters(doc)[0]?.noteIds).toEqual([tied[0], c, tied[1]]);
  });

  it('ranks between two issues that share a key (created at once by two people)', () => {
    const net = convergence({ replicas: 2, setup: () => {} });
    const [doc, other] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    createCluster(doc, { title: 'A', x: 0, y: 0 }, 'a');
    createCluster(other, { title: 'B', x: 0, y: 0 }, 'b');
    net.expectConverged();
    const c = createCluster(doc, { title: 'C', x: 0, y: 0 }, 'c');
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
    rankCluster(doc, c, 'a', 'b');
    expect(titles(doc)).toEqual(['A', 'C', 'B']);
    expect(new Set(readClusterList(doc).map((cl) => cl.order)).size).toBe(3);
  });

  it('refuses a rank next to itself or an unknown issue', () => {
    const { doc } = board();
    const [a, b] = ['A', 'B'].map((title) => createCluster(doc, { title, x: 0, y: 0 })) as [string, string];
    expect(() => rankCluster(doc, a, a, null)).toThrow(/itself/);
    expect(() => rankCluster(doc, a, 'ghost', null)).toThrow(/No cluster/);
    expect(() => rankCluster(doc, 'ghost', null, a)).toThrow(/No cluster/);
    rankCluster(doc, a, b, null);
    expect(titles(doc)).toEqual(['B', 'A']);
  });

  it('refuses a merge whose joined description would be cut, so nothing is lost', () => {
    const { doc, note } = board();
    const into = createCluster(doc, { title: 'Un', description: 'x'.repeat(1500), x: 0, y: 0 });
    const from = createCluster(doc, { title: 'Deux', description: 'y'.repeat(1500), x: 0, y: 0 });
    const a = note('A');
    assignNote(doc, a, from);
    expect(() => mergeClusters(doc, from, into)).toThrow(/too long/);
    expect(readClusters(doc).map((c) => c.noteIds.length)).toEqual([0, 1]);
    expect(() => mergeClusters(doc, 'ghost', into)).toThrow(/No cluster/);
  });

  it('gives the title and description texts to fields that bind to them', () => {
    const { doc } = board();
    const id = createCluster(doc, { title: 'Énergie', description: 'Bâtiments', x: 0, y: 0 });
    expect(clusterText(doc, id, 'title')?.toString()).toBe('Énergie');
    expect(clusterText(doc, id, 'description')?.toString()).toBe('Bâtiments');
    expect(clusterText(doc, 'ghost', 'title')).toBeNull();
    // @ts-expect-error: only the prose fields are texts.
    expect(() => clusterText(doc, id, 'order')).toThrow();
  });
});

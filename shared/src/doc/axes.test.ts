import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, readActions } from './actions';
import {
  ADVISED_MAX_AXES,
  AXIS_DESCRIPTION_MAX,
  AXIS_TITLE_MAX,
  attachIssue,
  axesMap,
  createAxis,
  deleteAxis,
  describeAxis,
  rankAxis,
  readAxes,
  renameAxis,
} from './axes';
import { undoScope } from './board';
import { createCluster, readClusters } from './clusters';
import { convergence } from './convergence.fixture';
import { LOCAL_ORIGIN } from './origins';

/** A board with three axes and three issues, none attached. */
function board() {
  const doc = new Y.Doc();
  const [a1, a2, a3] = ['Territoire connecté', 'Économie locale vivante', 'Services pour tous'].map(
    (title, i) => createAxis(doc, { title }, `a${i + 1}`, i + 1),
  ) as [string, string, string];
  const [mobility, digital, shops] = [
    'Mobilité rurale',
    'Inclusion numérique',
    'Commerce de centre-bourg',
  ].map((title, i) => createCluster(doc, { title, x: i * 400, y: 0 }, `c${i + 1}`)) as [
    string,
    string,
    string,
  ];
  return { doc, a1, a2, a3, mobility, digital, shops };
}

const titles = (doc: Y.Doc) => readAxes(doc).map((a) => a.title);
const axisOf = (doc: Y.Doc, cluster: string) => readClusters(doc).find((c) => c.id === cluster)?.axis;

/** Runs `fn` and checks that it throws and leaves the document as it was. */
function expectRefused(doc: Y.Doc, fn: () => void, message?: RegExp) {
  const before = Y.encodeStateVector(doc);
  expect(fn).toThrow(message);
  expect(Y.encodeStateVector(doc)).toEqual(before);
}

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

  it('allows more axes than advised: the limit is advice for the UI', () => {
    const doc = new Y.Doc();
    for (let i = 0; i <= ADVISED_MAX_AXES; i++) createAxis(doc, { title: `Axe ${i + 1}` });
    expect(readAxes(doc)).toHaveLength(ADVISED_MAX_AXES + 1);
  });

  it('renames and describes an axis with a minimal diff that merges with a concurrent edit', () => {
    const { doc, a1 } = board();
    renameAxis(doc, a1, '  Un territoire connecté et sobre ');
    describeAxis(doc, a1, 'Réseaux, données, sobriété');
    expect(readAxes(doc)[0]).toMatchObject({
      title: 'Un territoire connecté et sobre',
      description: 'Réseaux, données, sobriété',
    });

    // Two people edit the same description at once: both edits survive.
    const net = convergence({ replicas: 2, from: { board: doc } });
    const [one, two] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    describeAxis(one, a1, 'Réseaux, données ouvertes, sobriété');
    describeAxis(two, a1, 'Réseaux, données, sobriété numérique');
    net.expectConverged();
    expect(readAxes(one)[0]?.description).toBe('Réseaux, données ouvertes, sobriété numérique');
  });

  it('refuses a bad title, a too long description or an unknown axis, changing nothing', () => {
    const { doc, a1 } = board();
    expectRefused(doc, () => renameAxis(doc, a1, '   '), /needs a title/);
    expectRefused(doc, () => renameAxis(doc, a1, 'x'.repeat(AXIS_TITLE_MAX + 1)), /at most 160/);
    expectRefused(doc, () => describeAxis(doc, a1, 'x'.repeat(AXIS_DESCRIPTION_MAX + 1)), /at most 4000/);
    expectRefused(doc, () => renameAxis(doc, 'nope', 'Titre'), /No axis nope/);
    expectRefused(doc, () => describeAxis(doc, '', 'Texte'), /empty/);
    expect(readAxes(doc)[0]).toMatchObject({ title: 'Territoire connecté', description: '' });
  });

  it('ranks an axis between two neighbours or at either end', () => {
    const { doc, a1, a2, a3 } = board();
    rankAxis(doc, a3, null, a1);
    expect(titles(doc)).toEqual(['Services pour tous', 'Territoire connecté', 'Économie locale vivante']);
    rankAxis(doc, a3, a1, a2);
    expect(titles(doc)).toEqual(['Territoire connecté', 'Services pour tous', 'Économie locale vivante']);
    rankAxis(doc, a1, a2, null);
    expect(readAxes(doc).map((a) => a.id)).toEqual([a3, a2, a1]);
  });

  it('two people moving axes at once never give two axes the same place', () => {
    const { doc: start, a1, a2, a3 } = board();
    const net = convergence({ replicas: 2, from: { board: start } });
    const [doc, other] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    rankAxis(doc, a3, a1, a2);
    rankAxis(other, a1, a2, a3);
    net.expectConverged();
    const orders = readAxes(doc).map((a) => a.order);
    expect(new Set(orders).size).toBe(3);
  });

  it('refuses a rank with neighbours out of order, itself or unknown, changing nothing', () => {
    const { doc, a1, a2, a3 } = board();
    expectRefused(doc, () => rankAxis(doc, a1, a3, a2), /after must rank above before/);
    expectRefused(doc, () => rankAxis(doc, a1, a1, a2), /itself/);
    expectRefused(doc, () => rankAxis(doc, a1, 'ghost', null), /No axis ghost/);
    expectRefused(doc, () => rankAxis(doc, 'ghost', null, a1), /No axis ghost/);
    expect(readAxes(doc).map((a) => a.id)).toEqual([a1, a2, a3]);
  });

  it('moves an axis past others created at the same instant (they share a rank)', () => {
    const doc = new Y.Doc();
    for (const id of ['x1', 'x2', 'x3']) createAxis(doc, { title: `Axe ${id}` }, id, 1);
    const key = readAxes(doc)[0]?.order;
    for (const id of ['x2', 'x3']) axesMap(doc).get(id)?.set('order', key);
    rankAxis(doc, 'x3', 'x1', 'x2');
    expect(readAxes(doc).map((a) => a.id)).toEqual(['x1', 'x3', 'x2']);
  });

  it('attaches an issue to an axis, moves it to another and back to the pool', () => {
    const { doc, a1, a2, mobility, digital } = board();
    attachIssue(doc, mobility, a1);
    attachIssue(doc, digital, a1);
    expect(readClusters(doc).map((c) => c.axis)).toEqual([a1, a1, null]);
    attachIssue(doc, digital, a2);
    expect(axisOf(doc, digital)).toBe(a2);
    attachIssue(doc, mobility, null);
    expect(axisOf(doc, mobility)).toBeNull();
  });

  it('attaching an issue where it already is writes nothing', () => {
    const { doc, a1, mobility } = board();
    attachIssue(doc, mobility, a1);
    const before = Y.encodeStateVector(doc);
    attachIssue(doc, mobility, a1);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses an unknown issue or axis, changing nothing', () => {
    const { doc, a1, mobility } = board();
    expectRefused(doc, () => attachIssue(doc, 'ghost', a1), /No issue ghost/);
    expectRefused(doc, () => attachIssue(doc, mobility, 'ghost'), /No axis ghost/);
    expectRefused(doc, () => attachIssue(doc, '', a1), /empty/);
    expectRefused(doc, () => attachIssue(doc, mobility, 'x'.repeat(65)), /at most 64/);
    expect(axisOf(doc, mobility)).toBeNull();
  });

  it('deletes an axis: its issues return to the pool and its action sheets stay, unassigned', () => {
    const { doc, a1, a2, mobility, digital, shops } = board();
    attachIssue(doc, mobility, a1);
    attachIssue(doc, digital, a1);
    attachIssue(doc, shops, a2);
    const hypervisor = createAction(doc, { title: 'Hyperviseur urbain', axis: a1 });
    const mediation = createAction(doc, { title: 'Espaces de médiation numérique', axis: a1 });
    const platform = createAction(doc, { title: 'Plateforme multi-services', axis: a2 });

    deleteAxis(doc, a1);
    expect(titles(doc)).toEqual(['Économie locale vivante', 'Services pour tous']);
    expect(readClusters(doc).map((c) => [c.id, c.axis])).toEqual([
      [mobility, null],
      [digital, null],
      [shops, a2],
    ]);
    const sheets = readActions(doc);
    expect(sheets).toHaveLength(3);
    expect(sheets.find((s) => s.id === hypervisor)).toMatchObject({
      title: 'Hyperviseur urbain',
      axis: null,
    });
    expect(sheets.find((s) => s.id === mediation)?.axis).toBeNull();
    expect(sheets.find((s) => s.id === platform)?.axis).toBe(a2);
  });

  it('one undo restores a deleted axis, its text, its issues and its sheets', () => {
    const { doc, a1, mobility, digital } = board();
    describeAxis(doc, a1, 'Réseaux et données');
    attachIssue(doc, mobility, a1);
    const sheet = createAction(doc, { title: 'Hyperviseur urbain', axis: a1 });
    const undo = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });

    deleteAxis(doc, a1);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readAxes(doc)[0]).toMatchObject({
      id: a1,
      title: 'Territoire connecté',
      description: 'Réseaux et données',
    });
    expect(axisOf(doc, mobility)).toBe(a1);
    expect(axisOf(doc, digital)).toBeNull();
    expect(readActions(doc).find((s) => s.id === sheet)?.axis).toBe(a1);

    // And redo deletes it again the same way.
    undo.redo();
    expect(axesMap(doc).has(a1)).toBe(false);
    expect(axisOf(doc, mobility)).toBeNull();
    expect(readActions(doc).find((s) => s.id === sheet)?.axis).toBeNull();
  });

  it('refuses to delete an unknown axis, changing nothing', () => {
    const { doc } = board();
    expectRefused(doc, () => deleteAxis(doc, 'ghost'), /No axis ghost/);
    expect(readAxes(doc)).toHaveLength(3);
  });
});

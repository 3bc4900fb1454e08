import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFinancingLine, createAction, deleteAction, readActions, setActionText } from './actions';
import { axisText, createAxis, describeAxis, readAxes, renameAxis } from './axes';
import { binNote } from './bin';
import { undoScope } from './board';
import { assignNote, createCluster, dissolveCluster, readClusterList, renameCluster } from './clusters';
import { seedControl, setLocked, setStepQuestion } from './control';
import { addIndicator } from './indicators';
import { addNote, moveNote, readNotes, setNoteText } from './notes';
import { LOCAL_ORIGIN } from './origins';
import { addPartner } from './partners';
import { setProcessStep } from './process';
import { type DocReader, derivedReader } from './reader';
import {
  actionsReader,
  axesReader,
  binReader,
  clusterListReader,
  clustersReader,
  controlStateReader,
  indicatorsReader,
  notesReader,
  observeClusterEntries,
  observeDeletedActions,
  observeNotes,
  partnersReader,
  planReader,
  readNoteById,
  remindersReader,
  roundsReader,
  stepQuestionsReader,
  themesReader,
  voteTargetsReader,
} from './readers';
import { addTheme } from './themes';

/** How many times `reader` called back while `change` ran. */
function calls(doc: Y.Doc, reader: DocReader<unknown>, change: () => void): number {
  let count = 0;
  const off = reader.observe(doc, () => count++);
  change();
  off();
  return count;
}

function board() {
  const doc = new Y.Doc();
  const note = addNote(doc, { id: 'n1', x: 0, y: 0, author: 'p1', text: 'Bus', now: 1 });
  const issue = createCluster(doc, { title: 'Mobilité', x: 0, y: 0 }, 'c1');
  const axis = createAxis(doc, { title: 'Territoire connecté' }, 'a1', 1);
  const sheet = createAction(doc, { title: 'Appli vélo', axis: 'a1' }, 's1', 1);
  return { doc, note, issue, axis, sheet };
}

describe('readers carry what they observe', () => {
  it('read what the plain read functions read', () => {
    const { doc } = board();
    expect(notesReader.read(doc)).toEqual(readNotes(doc));
    expect(clusterListReader.read(doc)).toEqual(readClusterList(doc));
    expect(axesReader.read(doc)).toEqual(readAxes(doc));
    expect(actionsReader.read(doc)).toEqual(readActions(doc));
    expect(voteTargetsReader('actions').read(doc)).toEqual([{ id: 's1', label: 'Appli vélo' }]);
    expect(voteTargetsReader('issues')).toBe(voteTargetsReader('issues'));
  });

  it('call back once per transaction that changes what they read, inside an entry too', () => {
    const { doc, note, issue, axis, sheet } = board();
    expect(calls(doc, notesReader, () => setNoteText(doc, note, 'Bus du soir'))).toBe(1);
    expect(calls(doc, clusterListReader, () => renameCluster(doc, issue, 'Transports'))).toBe(1);
    expect(calls(doc, axesReader, () => describeAxis(doc, axis, 'Réseaux'))).toBe(1);
    expect(calls(doc, actionsReader, () => setActionText(doc, sheet, 'risks', 'Coût'))).toBe(1);
    expect(
      calls(doc, actionsReader, () =>
        addFinancingLine(doc, sheet, { source: 'eu', label: 'FEDER', amount: 1, secured: false }),
      ),
    ).toBe(1);
    expect(
      calls(doc, partnersReader, () =>
        addPartner(doc, { action: sheet, name: 'Région', kind: 'public-body', role: '' }),
      ),
    ).toBe(1);
    expect(calls(doc, indicatorsReader, () => addIndicator(doc, { action: sheet, name: 'Trajets' }))).toBe(1);
    expect(calls(doc, planReader, () => setProcessStep(doc, sheet, 'economic-model', 'done'))).toBe(1);
    expect(calls(doc, binReader, () => binNote(doc, note, 'p1', 5))).toBe(1);
    expect(calls(doc, voteTargetsReader('axes'), () => renameAxis(doc, axis, 'Axe 1'))).toBe(1);
  });

  it('stay quiet for changes elsewhere and after unsubscribing', () => {
    const { doc, note, issue, sheet } = board();
    expect(calls(doc, axesReader, () => moveNote(doc, note, { x: 5, y: 5 }))).toBe(0);
    expect(calls(doc, clusterListReader, () => setActionText(doc, sheet, 'risks', 'x'))).toBe(0);
    expect(calls(doc, voteTargetsReader('notes'), () => renameCluster(doc, issue, 'Autre'))).toBe(0);
    let count = 0;
    const off = notesReader.observe(doc, () => count++);
    off();
    setNoteText(doc, note, 'après');
    expect(count).toBe(0);
  });

  it('clustersReader also follows the notes sorted into the issues', () => {
    const { doc, note, issue } = board();
    expect(calls(doc, clustersReader, () => assignNote(doc, note, issue))).toBe(1);
    expect(clustersReader.read(doc)[0]?.noteIds).toEqual([note]);
    expect(calls(doc, clusterListReader, () => moveNote(doc, note, { x: 9, y: 9 }))).toBe(0);
  });

  it('a derived reader observes what its sources observe, once per transaction', () => {
    const { doc, axis, sheet, issue } = board();
    const both = derivedReader((d) => [readAxes(d).length, readActions(d).length], axesReader, actionsReader);
    expect(both.read(doc)).toEqual([1, 1]);
    expect(
      calls(doc, both, () =>
        doc.transact(() => {
          renameAxis(doc, axis, 'Un');
          setActionText(doc, sheet, 'lead', 'Mairie');
        }, LOCAL_ORIGIN),
      ),
    ).toBe(1);
    expect(calls(doc, both, () => renameCluster(doc, issue, 'Ailleurs'))).toBe(0);
  });

  it('follow the control and private documents', () => {
    const control = new Y.Doc();
    seedControl(control);
    expect(calls(control, controlStateReader, () => setLocked(control, true))).toBe(1);
    expect(controlStateReader.read(control).locked).toBe(true);
    expect(calls(control, themesReader, () => addTheme(control, { name: 'Eau', color: '#2196f3' }))).toBe(1);
    expect(
      calls(control, stepQuestionsReader, () => setStepQuestion(control, 'issues', 'Quels enjeux ?')),
    ).toBe(1);
    expect(stepQuestionsReader.read(control).issues).toBe('Quels enjeux ?');
    expect(calls(control, roundsReader, () => setLocked(control, false))).toBe(0);
    expect(roundsReader.read(control)).toEqual([]);
    // A malformed round is skipped by the read, but still a change of what it reads.
    expect(calls(control, roundsReader, () => control.getMap('votes').set('r1', { id: 'r1' }))).toBe(1);
    expect(roundsReader.read(control)).toEqual([]);
    const drafts = new Y.Doc();
    expect(remindersReader.read(drafts)).toEqual({});
    expect(calls(drafts, remindersReader, () => drafts.getMap('reminders').set('r1', 5))).toBe(1);
    expect(remindersReader.read(drafts)).toEqual({ r1: 5 });
  });
});

describe('key-level observers', () => {
  it('observeNotes names the notes a transaction touched, with the transaction', () => {
    const { doc, note } = board();
    const seen: [string[], boolean][] = [];
    const off = observeNotes(doc, (ids, transaction) => seen.push([[...ids].sort(), transaction.local]));
    setNoteText(doc, note, 'Bus du soir');
    addNote(doc, { id: 'n2', x: 1, y: 1, author: 'p1' });
    doc.transact(() => {
      moveNote(doc, note, { x: 3, y: 3 });
      moveNote(doc, 'n2', { x: 4, y: 4 });
    });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    setNoteText(remote, 'n2', 'ailleurs');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    off();
    setNoteText(doc, note, 'plus vu');
    expect(seen).toEqual([
      [[note], true],
      [['n2'], true],
      [['n1', 'n2'], true],
      [['n2'], false],
    ]);
    expect(readNoteById(doc, note)?.text).toBe('plus vu');
    expect(readNoteById(doc, 'ghost')).toBeNull();
  });

  it('observeDeletedActions names the sheets taken off, not those changed or added', () => {
    const { doc, sheet } = board();
    const deleted: string[][] = [];
    const off = observeDeletedActions(doc, (ids) => deleted.push([...ids]));
    setActionText(doc, sheet, 'risks', 'x');
    createAction(doc, { title: 'Autre', axis: null }, 's2', 2);
    deleteAction(doc, sheet);
    off();
    deleteAction(doc, 's2');
    expect(deleted).toEqual([[sheet]]);
  });

  it('observeClusterEntries names issues added, removed or brought back, not edits inside one', () => {
    const { doc, issue } = board();
    const undo = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const seen: string[][] = [];
    const off = observeClusterEntries(doc, (ids) => seen.push([...ids]));
    renameCluster(doc, issue, 'Transports');
    undo.stopCapturing();
    dissolveCluster(doc, issue);
    undo.undo();
    off();
    expect(seen).toEqual([[issue], [issue]]);
  });
});

describe('axisText', () => {
  it('gives the title and description texts to fields that bind to them', () => {
    const { doc, axis } = board();
    describeAxis(doc, axis, 'Réseaux');
    expect(axisText(doc, axis, 'title')?.toString()).toBe('Territoire connecté');
    const description = axisText(doc, axis, 'description');
    expect(description).toBeInstanceOf(Y.Text);
    description?.insert(description.length, ' et données');
    expect(readAxes(doc)[0]?.description).toBe('Réseaux et données');
    expect(axisText(doc, 'ghost', 'title')).toBeNull();
  });
});

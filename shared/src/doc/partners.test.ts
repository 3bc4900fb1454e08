import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, deleteAction } from './actions';
import { convergence } from './convergence.fixture';
import { LOCAL_ORIGIN } from './origins';
import { addPartner, partnersMap, partnerText, readPartners, removePartner, updatePartner } from './partners';

function board() {
  const doc = new Y.Doc();
  const sheet = createAction(doc, { title: 'Hyperviseur urbain', axis: null }, 's1', 1);
  return { doc, sheet };
}

describe('partners (step 5: stakeholders of an action sheet)', () => {
  it('adds stakeholders to a sheet with trimmed texts, in the order they were added', () => {
    const { doc, sheet } = board();
    addPartner(
      doc,
      { action: sheet, name: ' CCI territoriale ', kind: 'public-body', role: ' expert ' },
      'p1',
      10,
    );
    addPartner(
      doc,
      { action: sheet, name: 'Union des commerçants', kind: 'civil-society', contact: 'contact@ucv.fr' },
      'p2',
      20,
    );
    expect(readPartners(doc)).toEqual([
      {
        id: 'p1',
        action: sheet,
        name: 'CCI territoriale',
        kind: 'public-body',
        role: 'expert',
        contact: '',
        createdAt: 10,
      },
      {
        id: 'p2',
        action: sheet,
        name: 'Union des commerçants',
        kind: 'civil-society',
        role: '',
        contact: 'contact@ucv.fr',
        createdAt: 20,
      },
    ]);
    expect(partnerText(doc, 'p1', 'role').toString()).toBe('expert');
  });

  it('refuses a blank or too long name, an unknown kind, too long texts and an unknown sheet, changing nothing', () => {
    const { doc, sheet } = board();
    expect(() => addPartner(doc, { action: sheet, name: '   ', kind: 'sme' })).toThrow(/needs a name/);
    expect(() => addPartner(doc, { action: sheet, name: 'x'.repeat(161), kind: 'sme' })).toThrow(
      /at most 160/,
    );
    expect(() => addPartner(doc, { action: sheet, name: 'A', kind: 'bank' as unknown as 'sme' })).toThrow();
    expect(() => addPartner(doc, { action: sheet, name: 'A', kind: 'sme', role: 'r'.repeat(501) })).toThrow(
      /at most 500/,
    );
    expect(() =>
      addPartner(doc, { action: sheet, name: 'A', kind: 'sme', contact: 'c'.repeat(201) }),
    ).toThrow(/at most 200/);
    expect(() => addPartner(doc, { action: 'gone', name: 'A', kind: 'sme' })).toThrow(/No action sheet/);
    addPartner(doc, { action: sheet, name: 'A', kind: 'sme' }, 'p1');
    expect(() => addPartner(doc, { action: sheet, name: 'B', kind: 'sme' }, 'p1')).toThrow(/exists/);
    expect(readPartners(doc).map((p) => p.name)).toEqual(['A']);
  });

  it('updates fields in one transaction, writing texts as typed so a bound field keeps its trailing space', () => {
    const { doc, sheet } = board();
    addPartner(doc, { action: sheet, name: 'Start-up', kind: 'other', role: 'capteurs' }, 'p1');
    let transactions = 0;
    doc.on('afterTransaction', (t) => {
      if (t.origin === LOCAL_ORIGIN) transactions++;
    });
    updatePartner(doc, 'p1', { name: 'Start-up Wattio ', kind: 'startup', role: 'capteurs et données' });
    expect(transactions).toBe(1);
    expect(readPartners(doc)[0]).toMatchObject({
      name: 'Start-up Wattio ',
      kind: 'startup',
      role: 'capteurs et données',
    });
  });

  it('merges two people typing in the same role instead of one overwriting the other', () => {
    const { doc, sheet } = board();
    addPartner(doc, { action: sheet, name: 'Région', kind: 'public-body', role: 'financeur' }, 'p1');
    const net = convergence({ replicas: 2, from: { board: doc } });
    const [one, two] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    updatePartner(one, 'p1', { role: 'financeur principal' });
    updatePartner(two, 'p1', { role: 'cofinanceur' });
    net.expectConverged();
    const role = readPartners(one)[0]?.role ?? '';
    expect(role).toContain('principal');
    expect(role).toContain('co');
  });

  it('refuses bad updates (blank name, too long text, unknown kind or field, unknown partner or sheet), changing nothing', () => {
    const { doc, sheet } = board();
    addPartner(doc, { action: sheet, name: 'CCI', kind: 'public-body' }, 'p1');
    const before = readPartners(doc);
    expect(() => updatePartner(doc, 'p1', { name: ' ' })).toThrow(/needs a name/);
    expect(() => updatePartner(doc, 'p1', { name: 'Ok', role: 'r'.repeat(501) })).toThrow();
    expect(() => updatePartner(doc, 'p1', { kind: 'nope' as unknown as 'sme' })).toThrow();
    expect(() => updatePartner(doc, 'p1', { colour: 'red' } as never)).toThrow();
    expect(() => updatePartner(doc, 'p1', { name: 'Ok', action: 'gone' })).toThrow(/No action sheet/);
    expect(() => updatePartner(doc, 'nope', { name: 'Ok' })).toThrow(/No partner/);
    expect(readPartners(doc)).toEqual(before);
  });

  it('keeps the partners of a deleted sheet (orphans), can attach them to another sheet, and removes them', () => {
    const { doc, sheet } = board();
    const other = createAction(doc, { title: 'Appli vélo', axis: null }, 's2', 2);
    addPartner(doc, { action: sheet, name: 'CCI', kind: 'public-body' }, 'p1');
    deleteAction(doc, sheet);
    expect(readPartners(doc)).toMatchObject([{ id: 'p1', action: sheet, name: 'CCI' }]);
    updatePartner(doc, 'p1', { action: other });
    expect(readPartners(doc)[0]?.action).toBe(other);
    removePartner(doc, 'p1');
    expect(readPartners(doc)).toEqual([]);
    expect(() => removePartner(doc, 'p1')).toThrow(/No partner/);
  });

  it('undoes an addition, an edit and a removal', () => {
    const { doc, sheet } = board();
    const undo = new Y.UndoManager(partnersMap(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    addPartner(doc, { action: sheet, name: 'CCI', kind: 'public-body' }, 'p1');
    undo.stopCapturing();
    updatePartner(doc, 'p1', { kind: 'research' });
    undo.stopCapturing();
    removePartner(doc, 'p1');
    undo.undo();
    expect(readPartners(doc)).toMatchObject([{ id: 'p1', kind: 'research', name: 'CCI' }]);
    undo.undo();
    expect(readPartners(doc)[0]?.kind).toBe('public-body');
    undo.undo();
    expect(readPartners(doc)).toEqual([]);
  });

  it('skips malformed entries and reads an unknown kind as other', () => {
    const { doc, sheet } = board();
    addPartner(doc, { action: sheet, name: 'CCI', kind: 'public-body' }, 'p1');
    partnersMap(doc).get('p1')?.set('kind', 'bank');
    partnersMap(doc).set('junk', new Y.Map());
    expect(readPartners(doc)).toMatchObject([{ id: 'p1', kind: 'other' }]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ACTION_FIELDS,
  ACTION_TEXT_LIMITS,
  type ActionPriority,
  type ActionStatus,
  type ActionStructure,
  type ActionTextField,
  actionMap,
  actionText,
  actionTextSchema,
  addFinancingLine,
  addMilestone,
  createAction,
  deleteAction,
  type FinancingSource,
  financingTotals,
  IsoDate,
  rankAction,
  readActions,
  removeFinancingLine,
  removeMilestone,
  setActionAxis,
  setActionBudget,
  setActionCompetences,
  setActionDates,
  setActionLeadSiret,
  setActionLevers,
  setActionPriority,
  setActionProgramme,
  setActionProgress,
  setActionStatus,
  setActionStructure,
  setActionText,
  updateFinancingLine,
  updateMilestone,
} from './actions';
import { convergence } from './convergence.fixture';
import { LOCAL_ORIGIN } from './origins';

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

function sheetBoard() {
  const doc = new Y.Doc();
  doc.getMap('axes').set('a1', new Y.Map());
  doc.getMap('axes').set('a2', new Y.Map());
  createAction(doc, { title: 'Hyperviseur urbain', axis: 'a1' }, 's1', 10);
  createAction(doc, { title: 'Appli vélo', axis: 'a1' }, 's2', 20);
  createAction(doc, { title: 'Plateforme commerces', axis: null }, 's3', 30);
  const sheet = (id = 's1') => readActions(doc).find((s) => s.id === id);
  /** Runs `change` and checks it threw and left the document as it was. */
  const refuses = (change: () => void) => {
    const before = Y.encodeStateVector(doc);
    expect(change).toThrow();
    expect(Y.encodeStateVector(doc)).toEqual(before);
  };
  return { doc, sheet, refuses };
}

describe('a sheet’s public-sector fields', () => {
  it('starts empty, and keeps competences, levers, programme, SIRET, dates and progress as set', () => {
    const { doc, sheet } = sheetBoard();
    expect(sheet()).toMatchObject({
      competences: [],
      levers: [],
      programme: '',
      leadSiret: '',
      startDate: null,
      endDate: null,
      progress: null,
    });
    setActionCompetences(doc, 's1', ['90-84', '90-87']);
    setActionLevers(doc, 's1', ['Gestion des haies']);
    setActionProgramme(doc, 's1', ' Petites villes de demain ');
    setActionLeadSiret(doc, 's1', '130 025 265 00013');
    setActionDates(doc, 's1', { startDate: '2027-01-15', endDate: '2028-06-30' });
    setActionProgress(doc, 's1', 'in-progress');
    expect(sheet()).toMatchObject({
      competences: ['90-84', '90-87'],
      levers: ['Gestion des haies'],
      programme: 'Petites villes de demain',
      leadSiret: '13002526500013',
      startDate: '2027-01-15',
      endDate: '2028-06-30',
      progress: 'in-progress',
    });
    setActionLeadSiret(doc, 's1', '');
    expect(sheet()?.leadSiret).toBe('');
  });

  it('refuses what the public schemas would: an unknown code or lever, a bad SIRET, an end before the start', () => {
    const { doc, refuses } = sheetBoard();
    refuses(() => setActionCompetences(doc, 's1', ['90-999']));
    refuses(() => setActionCompetences(doc, 's1', ['90-84', '90-84']));
    refuses(() => setActionLevers(doc, 's1', ['gestion des haies']));
    refuses(() => setActionLeadSiret(doc, 's1', '13002526500014'));
    refuses(() => setActionDates(doc, 's1', { startDate: '2028-01-01', endDate: '2027-12-31' }));
    refuses(() => setActionDates(doc, 's1', { startDate: '2027-02-30', endDate: null }));
    refuses(() => setActionProgramme(doc, 's1', 'x'.repeat(121)));
    refuses(() => setActionProgress(doc, 's1', 'finished' as never));
  });
});

describe('action sheet commands', () => {
  it('moves a sheet to another axis (at its end) or to none, and refuses an unknown axis', () => {
    const { doc, sheet, refuses } = sheetBoard();
    setActionAxis(doc, 's3', 'a1');
    expect(
      readActions(doc)
        .filter((s) => s.axis === 'a1')
        .map((s) => s.id),
    ).toEqual(['s1', 's2', 's3']);
    setActionAxis(doc, 's1', null);
    expect(sheet()?.axis).toBeNull();
    setActionAxis(doc, 's1', 'a2');
    expect(sheet()?.axis).toBe('a2');
    refuses(() => setActionAxis(doc, 's1', 'nope'));
    refuses(() => setActionAxis(doc, 's1', ''));
    refuses(() => setActionAxis(doc, 'missing', 'a1'));
  });

  it('sets the budget in euros (cents at most) or clears it; refuses a negative or non-finite amount', () => {
    const { doc, sheet, refuses } = sheetBoard();
    setActionBudget(doc, 's1', 1_250_000.456);
    expect(sheet()?.budget).toBe(1_250_000.46);
    setActionBudget(doc, 's1', null);
    expect(sheet()?.budget).toBeNull();
    setActionBudget(doc, 's1', 0);
    expect(sheet()?.budget).toBe(0);
    refuses(() => setActionBudget(doc, 's1', -1));
    refuses(() => setActionBudget(doc, 's1', Number.NaN));
    refuses(() => setActionBudget(doc, 's1', Number.POSITIVE_INFINITY));
    refuses(() => setActionBudget(doc, 's1', '12' as unknown as number));
    expect(() => setActionBudget(doc, 's1', -5)).toThrow(/negative/);
  });

  it('sets the structure, priority and status from their lists only', () => {
    const { doc, sheet, refuses } = sheetBoard();
    setActionStructure(doc, 's1', 'service-concession');
    setActionPriority(doc, 's1', 'high');
    setActionStatus(doc, 's1', 'validated');
    expect(sheet()).toMatchObject({ structure: 'service-concession', priority: 'high', status: 'validated' });
    setActionStructure(doc, 's1', null);
    setActionPriority(doc, 's1', null);
    expect(sheet()).toMatchObject({ structure: null, priority: null });
    refuses(() => setActionStructure(doc, 's1', 'ppp' as ActionStructure));
    refuses(() => setActionPriority(doc, 's1', 'urgent' as ActionPriority));
    refuses(() => setActionStatus(doc, 's1', null as unknown as ActionStatus));
    refuses(() => setActionStatus(doc, 's1', 'done' as ActionStatus));
    refuses(() => setActionStatus(doc, 'missing', 'idea'));
  });

  it('writes a prose field with the smallest edit, keeping what someone else typed meanwhile', () => {
    const { doc, other, sheet, net } = twoReplicas();
    setActionText(doc, 's1', 'objectives', 'Réduire la congestion');
    net.deliverAll();
    // Concurrently: one person prepends, the other appends.
    setActionText(doc, 's1', 'objectives', 'Mieux réguler : Réduire la congestion');
    setActionText(other, 's1', 'objectives', 'Réduire la congestion aux heures de pointe');
    net.expectConverged();
    const merged = 'Mieux réguler : Réduire la congestion aux heures de pointe';
    expect(sheet()?.objectives).toBe(merged);
    expect(actionText(other, 's1', 'objectives').toString()).toBe(merged);
    // The title may be emptied for a moment while it is retyped.
    setActionText(doc, 's1', 'title', '');
    expect(sheet()?.title).toBe('');
  });

  it('refuses over-limit text, a title on two lines, an unknown field or sheet', () => {
    const { doc, refuses } = sheetBoard();
    setActionText(doc, 's1', 'lead', 'x'.repeat(ACTION_TEXT_LIMITS.lead));
    refuses(() => setActionText(doc, 's1', 'lead', 'x'.repeat(ACTION_TEXT_LIMITS.lead + 1)));
    refuses(() => setActionText(doc, 's1', 'description', 'x'.repeat(ACTION_TEXT_LIMITS.description + 1)));
    refuses(() => setActionText(doc, 's1', 'title', 'Deux\nlignes'));
    refuses(() => setActionText(doc, 's1', 'budget' as ActionTextField, '12'));
    refuses(() => setActionText(doc, 'missing', 'risks', 'Retard'));
    expect(actionTextSchema('risks').safeParse('Retard\nsur deux lignes').success).toBe(true);
  });

  it('ranks a sheet between two others and refuses an impossible place', () => {
    const { doc, refuses } = sheetBoard();
    createAction(doc, { title: 'Tiers-lieu', axis: 'a1' }, 's4', 40);
    const order = () =>
      readActions(doc)
        .filter((s) => s.axis === 'a1')
        .map((s) => s.id);
    rankAction(doc, 's4', null, 's1');
    expect(order()).toEqual(['s4', 's1', 's2']);
    rankAction(doc, 's4', 's1', 's2');
    expect(order()).toEqual(['s1', 's4', 's2']);
    rankAction(doc, 's1', 's2', null);
    expect(order()).toEqual(['s4', 's2', 's1']);
    refuses(() => rankAction(doc, 's1', 's2', 's4'));
    refuses(() => rankAction(doc, 's1', 's1', null));
    refuses(() => rankAction(doc, 's1', 'missing', null));
    refuses(() => rankAction(doc, 'missing', null, null));
  });

  it('moves a sheet past others created at the same instant (they share a rank)', () => {
    const doc = new Y.Doc();
    // Three replicas each appended a sheet at once: the same key for all three.
    for (const id of ['t1', 't2', 't3']) createAction(doc, { title: `Fiche ${id}`, axis: null }, id, 10);
    for (const id of ['t2', 't3']) actionMap(doc, id).set(ACTION_FIELDS.order, readActions(doc)[0]?.order);
    expect(new Set(readActions(doc).map((s) => s.order)).size).toBe(1);
    // "Move up" for the last one: between the first and the second.
    rankAction(doc, 't3', 't1', 't2');
    expect(readActions(doc).map((s) => s.id)).toEqual(['t1', 't3', 't2']);
    expect(new Set(readActions(doc).map((s) => s.order)).size).toBe(3);
  });

  it('keeps financing lines in the order they were added within the same millisecond', () => {
    const { doc, sheet } = sheetBoard();
    const first = addFinancingLine(
      doc,
      's1',
      { source: 'region', label: 'A', amount: 1, secured: true },
      'zz',
      500,
    );
    const second = addFinancingLine(
      doc,
      's1',
      { source: 'other', label: 'B', amount: 2, secured: false },
      'aa',
      500,
    );
    expect(sheet()?.financing.map((l) => l.id)).toEqual([first, second]);
  });

  it('adds, updates and removes financing lines, in the order they were added', () => {
    const { doc, sheet } = sheetBoard();
    const region = addFinancingLine(
      doc,
      's1',
      { source: 'region', label: ' Contrat de plan ', amount: 300_000, secured: true },
      'f2',
      200,
    );
    const eu = addFinancingLine(
      doc,
      's1',
      { source: 'eu', label: 'FEDER', amount: 500_000, secured: false },
      'f1',
      300,
    );
    expect(sheet()?.financing.map((l) => l.id)).toEqual([region, eu]);
    expect(sheet()?.financing[0]).toEqual({
      id: 'f2',
      source: 'region',
      label: 'Contrat de plan',
      amount: 300_000,
      secured: true,
    });
    updateFinancingLine(doc, 's1', eu, { secured: true, amount: 450_000.5 });
    expect(sheet()?.financing[1]).toMatchObject({
      id: 'f1',
      label: 'FEDER',
      amount: 450_000.5,
      secured: true,
    });
    expect(sheet()?.financing.map((l) => l.id)).toEqual(['f2', 'f1']);
    removeFinancingLine(doc, 's1', region);
    expect(sheet()?.financing.map((l) => l.id)).toEqual(['f1']);
  });

  it('refuses a negative amount, an unknown source, an unnamed "other" source and unknown lines', () => {
    const { doc, sheet, refuses } = sheetBoard();
    const line = { source: 'state', label: 'DSIL', amount: 100, secured: false } as const;
    addFinancingLine(doc, 's1', line, 'f1');
    refuses(() => addFinancingLine(doc, 's1', { ...line, amount: -500 }));
    refuses(() => addFinancingLine(doc, 's1', { ...line, source: 'lottery' as FinancingSource }));
    refuses(() => addFinancingLine(doc, 's1', { ...line, source: 'other', label: '  ' }));
    refuses(() => addFinancingLine(doc, 's1', { ...line, label: 'x'.repeat(201) }));
    refuses(() => addFinancingLine(doc, 's1', line, 'f1'));
    refuses(() => addFinancingLine(doc, 'missing', line));
    refuses(() => updateFinancingLine(doc, 's1', 'f1', { amount: -1 }));
    refuses(() => updateFinancingLine(doc, 's1', 'f1', { source: 'other', label: '' }));
    refuses(() => updateFinancingLine(doc, 's1', 'nope', { amount: 1 }));
    refuses(() => removeFinancingLine(doc, 's1', 'nope'));
    expect(() => addFinancingLine(doc, 's1', { ...line, amount: -500 })).toThrow(/negative/);
    expect(sheet()?.financing).toEqual([{ id: 'f1', ...line }]);
    addFinancingLine(doc, 's1', { ...line, source: 'other', label: 'Mécénat' }, 'f2');
    expect(sheet()?.financing).toHaveLength(2);
  });

  it('keeps both lines when two people add one at once', () => {
    const { doc } = sheetBoard();
    const net = convergence({ replicas: 2, from: { board: doc } });
    const [one, two] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
    addFinancingLine(one, 's1', { source: 'eu', label: 'FEDER', amount: 1, secured: false }, 'f1', 1);
    addFinancingLine(two, 's1', { source: 'region', label: '', amount: 2, secured: true }, 'f2', 2);
    const strategy = net.expectConverged();
    expect(strategy.actions.find((a) => a.id === 's1')?.financing.map((l) => l.id)).toEqual(['f1', 'f2']);
  });

  it('adds, updates and removes milestones, read by date', () => {
    const { doc, sheet, refuses } = sheetBoard();
    addMilestone(doc, 's1', { date: '2027-06-30', label: 'Mise en service' }, 'm1', 1);
    addMilestone(doc, 's1', { date: '2026-12-03', label: ' Lancement du marché ' }, 'm2', 2);
    addMilestone(doc, 's1', { date: '2027-06-30', label: 'Inauguration' }, 'm0', 3);
    expect(sheet()?.milestones).toEqual([
      { id: 'm2', date: '2026-12-03', label: 'Lancement du marché' },
      { id: 'm1', date: '2027-06-30', label: 'Mise en service' },
      { id: 'm0', date: '2027-06-30', label: 'Inauguration' },
    ]);
    updateMilestone(doc, 's1', 'm2', { date: '2028-01-15' });
    expect(sheet()?.milestones.map((m) => m.id)).toEqual(['m1', 'm0', 'm2']);
    updateMilestone(doc, 's1', 'm2', { label: 'Bilan' });
    expect(sheet()?.milestones[2]).toEqual({ id: 'm2', date: '2028-01-15', label: 'Bilan' });
    removeMilestone(doc, 's1', 'm0');
    expect(sheet()?.milestones.map((m) => m.id)).toEqual(['m1', 'm2']);
    refuses(() => addMilestone(doc, 's1', { date: '2027-02-30', label: 'Jamais' }));
    refuses(() => addMilestone(doc, 's1', { date: '30/06/2027', label: 'Format' }));
    refuses(() => addMilestone(doc, 's1', { date: '2027-06-30', label: '   ' }));
    refuses(() => addMilestone(doc, 's1', { date: '2027-06-30', label: 'Doublon' }, 'm1'));
    refuses(() => updateMilestone(doc, 's1', 'm1', { date: '' }));
    refuses(() => updateMilestone(doc, 's1', 'm1', { label: '' }));
    refuses(() => updateMilestone(doc, 's1', 'nope', { label: 'x' }));
    refuses(() => removeMilestone(doc, 's1', 'nope'));
    refuses(() => addMilestone(doc, 'missing', { date: '2027-06-30', label: 'x' }));
  });

  it('undoes a deleted sheet with its texts, lines and milestones', () => {
    const { doc, sheet } = sheetBoard();
    setActionText(doc, 's1', 'risks', 'Acceptabilité');
    addFinancingLine(doc, 's1', { source: 'eu', label: 'FEDER', amount: 10, secured: false }, 'f1');
    addMilestone(doc, 's1', { date: '2027-01-01', label: 'Départ' }, 'm1');
    const undo = new Y.UndoManager(doc.getMap('actions'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    deleteAction(doc, 's1');
    expect(sheet()).toBeUndefined();
    undo.undo();
    expect(sheet()).toMatchObject({
      risks: 'Acceptabilité',
      financing: [{ id: 'f1' }],
      milestones: [{ id: 'm1' }],
    });
  });
});

/**
 * Two replicas of a board with three sheets, the first with two financing lines and one
 * milestone; `net.expectConverged()` exchanges their updates and checks they agree.
 */
function twoReplicas() {
  const { doc: start } = sheetBoard();
  addFinancingLine(start, 's1', { source: 'eu', label: 'FEDER', amount: 500_000, secured: false }, 'f1', 1);
  addFinancingLine(start, 's1', { source: 'state', label: 'DSIL', amount: 100_000, secured: true }, 'f2', 2);
  addMilestone(start, 's1', { date: '2027-06-30', label: 'Mise en service' }, 'm1', 1);
  const net = convergence({ replicas: 2, from: { board: start } });
  const [doc, other] = net.replicas.map((r) => r.board) as [Y.Doc, Y.Doc];
  const sheet = () => readActions(doc).find((s) => s.id === 's1');
  const otherSheet = () => readActions(other).find((s) => s.id === 's1');
  return { doc, other, sheet, otherSheet, net };
}

/** The sheet's financing or milestones map, written by key as a document from before entries were maps. */
function entriesOf(doc: Y.Doc, field: 'financing' | 'milestones'): Y.Map<unknown> {
  const map = actionMap(doc, 's1').get(ACTION_FIELDS[field]);
  if (!(map instanceof Y.Map)) throw new Error(`no ${field} map`);
  return map;
}

describe('financing lines and milestones edited at once', () => {
  it('keeps both changes when two people change different fields of one line', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    updateFinancingLine(doc, 's1', 'f1', { amount: 450_000 });
    updateFinancingLine(other, 's1', 'f1', { source: 'region', label: 'Contrat de plan' });
    net.expectConverged();
    const merged = { id: 'f1', source: 'region', label: 'Contrat de plan', amount: 450_000, secured: false };
    expect(sheet()?.financing[0]).toEqual(merged);
    expect(otherSheet()?.financing[0]).toEqual(merged);
  });

  it('converges to one value when two people change the same field', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    updateFinancingLine(doc, 's1', 'f1', { amount: 1 });
    updateFinancingLine(other, 's1', 'f1', { amount: 2, secured: true });
    net.expectConverged();
    const line = sheet()?.financing[0];
    expect([1, 2]).toContain(line?.amount);
    expect(line?.secured).toBe(true);
    expect(otherSheet()?.financing[0]).toEqual(line);
  });

  it('keeps a line removed when someone changed it meanwhile', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    removeFinancingLine(doc, 's1', 'f1');
    updateFinancingLine(other, 's1', 'f1', { amount: 7 });
    net.expectConverged();
    expect(sheet()?.financing.map((l) => l.id)).toEqual(['f2']);
    expect(otherSheet()?.financing.map((l) => l.id)).toEqual(['f2']);
  });

  it('writes only the fields that change, and nothing when none does', () => {
    const { doc } = twoReplicas();
    const line = entriesOf(doc, 'financing').get('f1') as Y.Map<unknown>;
    const written: string[] = [];
    line.observe((event) => written.push(...event.keysChanged));
    updateFinancingLine(doc, 's1', 'f1', { source: 'eu', label: ' FEDER ', amount: 9 });
    expect(written).toEqual(['amount']);
    const before = Y.encodeStateVector(doc);
    updateFinancingLine(doc, 's1', 'f1', { amount: 9 });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reads a line written as a plain object, and turns it into a map of fields on update', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    const lines = entriesOf(doc, 'financing');
    const legacy = { id: 'f0', source: 'private', label: 'Mécénat', amount: 20_000, secured: true };
    doc.transact(() => lines.set('f0', { ...legacy, addedAt: 0 }), LOCAL_ORIGIN);
    expect(sheet()?.financing).toEqual([legacy, expect.objectContaining({ id: 'f1' }), expect.anything()]);
    updateFinancingLine(doc, 's1', 'f0', { amount: 25_000 });
    const converted = lines.get('f0');
    expect(converted).toBeInstanceOf(Y.Map);
    expect((converted as Y.Map<unknown>).toJSON()).toEqual({ ...legacy, amount: 25_000, addedAt: 0 });
    expect(sheet()?.financing.map((l) => l.id)).toEqual(['f0', 'f1', 'f2']);
    // From now on its fields merge like any line's.
    net.expectConverged();
    updateFinancingLine(doc, 's1', 'f0', { secured: false });
    updateFinancingLine(other, 's1', 'f0', { label: 'Fondation' });
    net.expectConverged();
    const merged = { ...legacy, label: 'Fondation', amount: 25_000, secured: false };
    expect(sheet()?.financing[0]).toEqual(merged);
    expect(otherSheet()?.financing[0]).toEqual(merged);
  });

  it('undoes one field edit at a time', () => {
    const { doc, sheet } = twoReplicas();
    const undo = new Y.UndoManager(doc.getMap('actions'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    updateFinancingLine(doc, 's1', 'f1', { amount: 450_000 });
    undo.stopCapturing();
    updateFinancingLine(doc, 's1', 'f1', { secured: true });
    undo.undo();
    expect(sheet()?.financing[0]).toMatchObject({ amount: 450_000, secured: false });
    undo.undo();
    expect(sheet()?.financing[0]).toMatchObject({ amount: 500_000, secured: false });
    undo.redo();
    expect(sheet()?.financing[0]).toMatchObject({ amount: 450_000, secured: false });
  });

  it('undoes the update that turned a plain-object line into a map', () => {
    const { doc, sheet } = twoReplicas();
    const legacy = { id: 'f0', source: 'private', label: 'Mécénat', amount: 20_000, secured: true };
    entriesOf(doc, 'financing').set('f0', { ...legacy, addedAt: 0 });
    const undo = new Y.UndoManager(doc.getMap('actions'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    updateFinancingLine(doc, 's1', 'f0', { amount: 1 });
    undo.undo();
    expect(sheet()?.financing[0]).toEqual(legacy);
  });

  it('keeps both changes when two people change the date and the label of one milestone', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    updateMilestone(doc, 's1', 'm1', { date: '2027-09-01' });
    updateMilestone(other, 's1', 'm1', { label: 'Inauguration' });
    net.expectConverged();
    const merged = [{ id: 'm1', date: '2027-09-01', label: 'Inauguration' }];
    expect(sheet()?.milestones).toEqual(merged);
    expect(otherSheet()?.milestones).toEqual(merged);
  });

  it('converges to one label when two people rename a milestone at once', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    updateMilestone(doc, 's1', 'm1', { label: 'Ouverture' });
    updateMilestone(other, 's1', 'm1', { label: 'Lancement' });
    net.expectConverged();
    expect(['Ouverture', 'Lancement']).toContain(sheet()?.milestones[0]?.label);
    expect(otherSheet()?.milestones).toEqual(sheet()?.milestones);
  });

  it('keeps a milestone removed when someone changed it meanwhile', () => {
    const { doc, other, sheet, otherSheet, net } = twoReplicas();
    updateMilestone(doc, 's1', 'm1', { label: 'Reportée' });
    removeMilestone(other, 's1', 'm1');
    net.expectConverged();
    expect(sheet()?.milestones).toEqual([]);
    expect(otherSheet()?.milestones).toEqual([]);
  });

  it('reads a milestone written as a plain object, and turns it into a map of fields on update', () => {
    const { doc, sheet } = twoReplicas();
    const milestones = entriesOf(doc, 'milestones');
    milestones.set('m0', { id: 'm0', date: '2027-06-30', label: 'Vote du budget', addedAt: 0 });
    expect(sheet()?.milestones.map((m) => m.label)).toEqual(['Vote du budget', 'Mise en service']);
    updateMilestone(doc, 's1', 'm0', { label: 'Vote du budget primitif' });
    expect(milestones.get('m0')).toBeInstanceOf(Y.Map);
    expect(sheet()?.milestones).toEqual([
      { id: 'm0', date: '2027-06-30', label: 'Vote du budget primitif' },
      { id: 'm1', date: '2027-06-30', label: 'Mise en service' },
    ]);
  });

  it('undoes one milestone edit at a time', () => {
    const { doc, sheet } = twoReplicas();
    const undo = new Y.UndoManager(doc.getMap('actions'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    updateMilestone(doc, 's1', 'm1', { date: '2027-09-01' });
    undo.stopCapturing();
    updateMilestone(doc, 's1', 'm1', { label: 'Inauguration' });
    undo.undo();
    expect(sheet()?.milestones).toEqual([{ id: 'm1', date: '2027-09-01', label: 'Mise en service' }]);
  });
});

describe('financingTotals', () => {
  const line = (amount: number, secured: boolean) => ({
    id: String(amount),
    source: 'state' as const,
    label: '',
    amount,
    secured,
  });

  it('sums the plan, what is secured, what is still to find, and the gap to the budget', () => {
    expect(
      financingTotals({ budget: 1_250_000, financing: [line(500_000, true), line(300_000, false)] }),
    ).toEqual({
      total: 800_000,
      secured: 500_000,
      toFind: 300_000,
      gap: 450_000,
    });
    expect(financingTotals({ budget: 100, financing: [line(150, false)] }).gap).toBe(-50);
    expect(financingTotals({ budget: null, financing: [] })).toEqual({
      total: 0,
      secured: 0,
      toFind: 0,
      gap: null,
    });
  });

  it('adds cents without floating-point drift', () => {
    expect(financingTotals({ budget: 0.3, financing: [line(0.1, true), line(0.2, true)] })).toMatchObject({
      total: 0.3,
      secured: 0.3,
      gap: 0,
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ACTION_FIELDS,
  actionMap,
  actionText,
  createAction,
  deleteAction,
  type FinancingLine,
} from './actions';
import { axesMap, createAxis } from './axes';
import { addIndicator } from './indicators';
import { LOCAL_ORIGIN } from './origins';
import { addPartner } from './partners';
import { type PlanOverview, planOverview } from './plan';
import { setProcessStep } from './process';

/** Fills what step 4's commands will write (they land later): budget, lead, status, financing. */
function fill(
  doc: Y.Doc,
  id: string,
  values: { budget?: number; lead?: string; status?: string; financing?: Omit<FinancingLine, 'id'>[] },
) {
  const map = actionMap(doc, id);
  doc.transact(() => {
    if (values.budget !== undefined) map.set(ACTION_FIELDS.budget, values.budget);
    if (values.status !== undefined) map.set(ACTION_FIELDS.status, values.status);
    if (values.lead !== undefined) actionText(doc, id, 'lead').insert(0, values.lead);
    const lines = map.get(ACTION_FIELDS.financing) as Y.Map<FinancingLine>;
    for (const [index, line] of (values.financing ?? []).entries())
      lines.set(`f${index}`, { id: `f${index}`, ...line });
  });
}

function shape(plan: PlanOverview) {
  return plan.groups.map((group) => ({
    axis: group.axis?.title ?? null,
    actions: group.actions.map((action) => action.title),
  }));
}

describe('plan overview (steps 5 and 6)', () => {
  it('lists the axes in order with their sheets, then the sheets with no axis or a deleted one', () => {
    const doc = new Y.Doc();
    const inclusive = createAxis(doc, { title: 'Un territoire accessible et inclusif' }, 'a1', 1);
    const sober = createAxis(doc, { title: 'Une collectivité sobre' }, 'a2', 2);
    createAxis(doc, { title: 'Un centre attractif' }, 'a3', 3);
    createAction(doc, { title: 'Hyperviseur urbain', axis: sober }, 's1', 1);
    createAction(doc, { title: 'Médiation numérique', axis: inclusive }, 's2', 2);
    createAction(doc, { title: 'Appli vélo', axis: inclusive }, 's3', 3);
    createAction(doc, { title: 'Idée libre', axis: null }, 's4', 4);
    createAction(doc, { title: 'Axe disparu', axis: 'deleted-axis' }, 's5', 5);
    expect(shape(planOverview(doc))).toEqual([
      { axis: 'Un territoire accessible et inclusif', actions: ['Médiation numérique', 'Appli vélo'] },
      { axis: 'Une collectivité sobre', actions: ['Hyperviseur urbain'] },
      { axis: 'Un centre attractif', actions: [] },
      { axis: null, actions: ['Idée libre', 'Axe disparu'] },
    ]);
    // Deleting an axis sends its sheets to the "no axis" group.
    axesMap(doc).delete(sober);
    expect(shape(planOverview(doc)).at(-1)).toEqual({
      axis: null,
      actions: ['Hyperviseur urbain', 'Idée libre', 'Axe disparu'],
    });
  });

  it('has no "no axis" group when every sheet has its axis, and is empty for an empty board', () => {
    const doc = new Y.Doc();
    expect(planOverview(doc)).toMatchObject({ groups: [], orphans: [], totals: { actions: 0, budget: 0 } });
    const axis = createAxis(doc, { title: 'Axe' }, 'a1');
    createAction(doc, { title: 'Fiche', axis }, 's1');
    expect(planOverview(doc).groups.map((g) => g.axis?.id)).toEqual(['a1']);
  });

  it('gives each sheet its budget, financing, lead, status, indicators, partners and process', () => {
    const doc = new Y.Doc();
    const axis = createAxis(doc, { title: 'Axe' }, 'a1');
    const sheet = createAction(doc, { title: 'Hyperviseur urbain', axis }, 's1');
    fill(doc, sheet, {
      budget: 420000,
      lead: 'Cabinet du maire',
      status: 'validated',
      financing: [
        { source: 'eu', label: 'FEDER', amount: 210000, secured: true },
        { source: 'state', label: 'DSIL', amount: 42000, secured: false },
        { source: 'own-funds', label: '', amount: 63000.1, secured: true },
      ],
    });
    addIndicator(doc, { action: sheet, name: 'Jeux de données ouverts', baseline: 0, target: 60 }, 'i1', 1);
    addPartner(doc, { action: sheet, name: 'CCI', kind: 'public-body' }, 'p1');
    addPartner(doc, { action: sheet, name: 'Énergéticien', kind: 'manufacturer' }, 'p2');
    setProcessStep(doc, sheet, 'economic-model', 'done');
    setProcessStep(doc, sheet, 'procurement-procedure', 'not-applicable');
    const action = planOverview(doc).groups[0]?.actions[0];
    expect(action).toMatchObject({
      id: sheet,
      title: 'Hyperviseur urbain',
      lead: 'Cabinet du maire',
      status: 'validated',
      priority: null,
      budget: 420000,
      secured: 273000.1,
      financed: 315000.1,
      partners: 2,
      progress: { done: 1, inProgress: 0, applicable: 5 },
    });
    expect(action?.indicators.map((i) => i.name)).toEqual(['Jeux de données ouverts']);
    expect(action?.process['economic-model']).toBe('done');
  });

  it('totals each axis and the plan, counting the sheets without a budget apart', () => {
    const doc = new Y.Doc();
    const a1 = createAxis(doc, { title: 'A1' }, 'a1', 1);
    const a2 = createAxis(doc, { title: 'A2' }, 'a2', 2);
    const s1 = createAction(doc, { title: 'S1', axis: a1 }, 's1', 1);
    const s2 = createAction(doc, { title: 'S2', axis: a1 }, 's2', 2);
    const s3 = createAction(doc, { title: 'S3', axis: a2 }, 's3', 3);
    const s4 = createAction(doc, { title: 'S4', axis: null }, 's4', 4);
    fill(doc, s1, {
      budget: 1_250_000,
      status: 'validated',
      financing: [{ source: 'region', label: '', amount: 500_000, secured: true }],
    });
    fill(doc, s2, { budget: 0.1, status: 'drafting' });
    fill(doc, s3, { budget: 0.2 });
    fill(doc, s4, {
      budget: 80_000,
      financing: [{ source: 'private', label: '', amount: 20_000, secured: false }],
    });
    addIndicator(doc, { action: s1, name: 'I1' });
    addIndicator(doc, { action: s1, name: 'I2' });
    addIndicator(doc, { action: s3, name: 'I3' });
    addPartner(doc, { action: s4, name: 'P', kind: 'sme' });
    const plan = planOverview(doc);
    expect(plan.groups.map((g) => g.totals)).toEqual([
      {
        actions: 2,
        budget: 1_250_000.1,
        unbudgeted: 0,
        secured: 500_000,
        financed: 500_000,
        indicators: 2,
        partners: 0,
        byStatus: { idea: 0, drafting: 1, validated: 1 },
      },
      {
        actions: 1,
        budget: 0.2,
        unbudgeted: 0,
        secured: 0,
        financed: 0,
        indicators: 1,
        partners: 0,
        byStatus: { idea: 1, drafting: 0, validated: 0 },
      },
      {
        actions: 1,
        budget: 80_000,
        unbudgeted: 0,
        secured: 0,
        financed: 20_000,
        indicators: 0,
        partners: 1,
        byStatus: { idea: 1, drafting: 0, validated: 0 },
      },
    ]);
    expect(plan.totals).toMatchObject({
      actions: 4,
      budget: 1_330_000.3,
      indicators: 3,
      partners: 1,
      secured: 500_000,
    });
    // A sheet without a budget adds nothing to the sum and is counted apart.
    createAction(doc, { title: 'S5', axis: a2 }, 's5', 5);
    expect(planOverview(doc).groups[1]?.totals).toMatchObject({ actions: 2, budget: 0.2, unbudgeted: 1 });
    expect(planOverview(doc).totals).toMatchObject({ budget: 1_330_000.3, unbudgeted: 1 });
  });

  it('lists the partners and indicators of a deleted sheet as orphans, and puts them back when the deletion is undone', () => {
    const doc = new Y.Doc();
    const sheet = createAction(doc, { title: 'Éphémère', axis: null }, 's1');
    createAction(doc, { title: 'Reste', axis: null }, 's2');
    addPartner(doc, { action: sheet, name: 'CCI', kind: 'public-body' }, 'p1');
    addIndicator(doc, { action: sheet, name: 'Fréquentation' }, 'i1');
    const undo = new Y.UndoManager(doc.getMap('actions'), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    deleteAction(doc, sheet);
    const plan = planOverview(doc);
    expect(shape(plan)).toEqual([{ axis: null, actions: ['Reste'] }]);
    expect(plan.totals).toMatchObject({ indicators: 0, partners: 0 });
    expect(plan.orphans).toMatchObject([
      {
        action: sheet,
        partners: [{ id: 'p1', name: 'CCI' }],
        indicators: [{ id: 'i1', name: 'Fréquentation' }],
      },
    ]);
    undo.undo();
    const back = planOverview(doc);
    expect(back.orphans).toEqual([]);
    expect(back.groups[0]?.actions.find((a) => a.id === sheet)).toMatchObject({ partners: 1 });
  });
});

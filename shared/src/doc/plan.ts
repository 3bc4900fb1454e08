import type * as Y from 'yjs';
import {
  ACTION_STATUSES,
  type ActionPriority,
  type ActionSheet,
  type ActionStatus,
  readActions,
} from './actions';
import { type Axis, readAxes } from './axes';
import { type Indicator, readIndicators } from './indicators';
import { type Partner, readPartners } from './partners';
import {
  emptyProcess,
  type ProcessProgress,
  type ProcessState,
  processProgress,
  readProcesses,
} from './process';

/**
 * The action plan as one table (steps 5 and 6): the strategic axes in their order, each with
 * its action sheets and their budget, financing, lead, status, indicators, partners and
 * partnership process, then the sheets with no axis (or an axis that was deleted), with
 * totals per axis and for the whole plan. Partners and indicators whose sheet was deleted
 * are listed apart as orphans, so that nothing typed disappears with a sheet.
 */

export interface PlanAction {
  id: string;
  title: string;
  /** The sheet's axis as written on it (may name a deleted axis: the sheet is then in the "no axis" group). */
  axis: string | null;
  lead: string;
  status: ActionStatus;
  priority: ActionPriority | null;
  /** `null` when not filled in. */
  budget: number | null;
  /** Sum of the financing lines marked secured (French: acquis). */
  secured: number;
  /** Sum of every financing line, secured or to be requested. */
  financed: number;
  indicators: Indicator[];
  partners: number;
  process: ProcessState;
  progress: ProcessProgress;
}

export interface PlanTotals {
  actions: number;
  /** Sum of the budgets filled in. */
  budget: number;
  /** Sheets whose budget is not filled in (their budget is not in `budget`). */
  unbudgeted: number;
  secured: number;
  financed: number;
  indicators: number;
  partners: number;
  byStatus: Record<ActionStatus, number>;
}

export interface PlanGroup {
  /** `null`: the sheets with no axis, or whose axis was deleted (French: Sans axe). */
  axis: Axis | null;
  actions: PlanAction[];
  totals: PlanTotals;
}

/** What is left of a deleted sheet: its partners and indicators, still readable and editable. */
export interface OrphanGroup {
  /** The deleted sheet's id. */
  action: string;
  partners: Partner[];
  indicators: Indicator[];
}

export interface PlanOverview {
  /** Every axis in its order (with or without sheets), then the "no axis" group when it has sheets. */
  groups: PlanGroup[];
  totals: PlanTotals;
  /** Partners and indicators whose sheet no longer exists, by sheet id (in the order they were added). */
  orphans: OrphanGroup[];
}

function sum(values: readonly number[]): number {
  // Cents, so that 0.1 + 0.2 shows as 0.30 €.
  return Math.round(values.reduce((total, n) => total + n, 0) * 100) / 100;
}

function totalsOf(actions: readonly PlanAction[]): PlanTotals {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const action of actions) byStatus[action.status]++;
  return {
    actions: actions.length,
    budget: sum(actions.flatMap((a) => (a.budget === null ? [] : [a.budget]))),
    unbudgeted: actions.filter((a) => a.budget === null).length,
    secured: sum(actions.map((a) => a.secured)),
    financed: sum(actions.map((a) => a.financed)),
    indicators: actions.reduce((n, a) => n + a.indicators.length, 0),
    partners: actions.reduce((n, a) => n + a.partners, 0),
    byStatus,
  };
}

function groupBy<T extends { action: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.action);
    if (list) list.push(item);
    else out.set(item.action, [item]);
  }
  return out;
}

function planAction(
  sheet: ActionSheet,
  indicators: Indicator[],
  partners: number,
  process: ProcessState,
): PlanAction {
  return {
    id: sheet.id,
    title: sheet.title,
    axis: sheet.axis,
    lead: sheet.lead,
    status: sheet.status,
    priority: sheet.priority,
    budget: sheet.budget,
    secured: sum(sheet.financing.filter((line) => line.secured).map((line) => line.amount)),
    financed: sum(sheet.financing.map((line) => line.amount)),
    indicators,
    partners,
    process,
    progress: processProgress(process),
  };
}

/** The plan table of a board document (pure: reads the document, changes nothing). */
export function planOverview(doc: Y.Doc): PlanOverview {
  const axes = readAxes(doc);
  const sheets = readActions(doc);
  const indicators = groupBy(readIndicators(doc));
  const partners = groupBy(readPartners(doc));
  const processes = readProcesses(doc);
  const actions = sheets.map((sheet) =>
    planAction(
      sheet,
      indicators.get(sheet.id) ?? [],
      partners.get(sheet.id)?.length ?? 0,
      processes[sheet.id] ?? emptyProcess(),
    ),
  );

  const axisIds = new Set(axes.map((axis) => axis.id));
  const groups: PlanGroup[] = axes.map((axis) => {
    const own = actions.filter((action) => action.axis === axis.id);
    return { axis, actions: own, totals: totalsOf(own) };
  });
  const unassigned = actions.filter((action) => action.axis === null || !axisIds.has(action.axis));
  if (unassigned.length > 0) groups.push({ axis: null, actions: unassigned, totals: totalsOf(unassigned) });

  const sheetIds = new Set(sheets.map((sheet) => sheet.id));
  const orphanIds: string[] = [];
  for (const id of [...partners.keys(), ...indicators.keys()])
    if (!sheetIds.has(id) && !orphanIds.includes(id)) orphanIds.push(id);
  const orphans = orphanIds.map((action) => ({
    action,
    partners: partners.get(action) ?? [],
    indicators: indicators.get(action) ?? [],
  }));

  return { groups, totals: totalsOf(actions), orphans };
}

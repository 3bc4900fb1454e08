import { generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { ACTION_FIELDS, type ActionPriority, actionsMap } from '../doc/actions';
import { AXIS_FIELDS, axesMap, deleteAxis, readAxes } from '../doc/axes';
import { CLUSTER_FIELDS, clustersMap, readClusterList } from '../doc/clusters';
import { LOCAL_ORIGIN } from '../doc/origins';
import type { RoundResults } from './round';

/**
 * A revealed result applied to the board by the facilitator: each is one board transaction
 * with the local origin, so one Ctrl+Z takes it back. Targets deleted since the vote are
 * skipped; items the round did not cover keep their order after the voted ones.
 */

/** Target ids, best first (ties in the round's order, as the results list them). */
function ranked(results: RoundResults): string[] {
  return results.targets.map((t) => t.targetId);
}

/** `ids` reordered: those in `first` in that order, then the others as they were. */
function votedFirst(ids: readonly string[], first: readonly string[]): string[] {
  const present = new Set(ids);
  const head = first.filter((id) => present.has(id));
  const inHead = new Set(head);
  return [...head, ...ids.filter((id) => !inHead.has(id))];
}

/** Ranks the issues by the round's result. */
export function rankIssuesByResult(board: Y.Doc, results: RoundResults): void {
  const order = votedFirst(
    readClusterList(board).map((c) => c.id),
    ranked(results),
  );
  const keys = generateNKeysBetween(null, null, order.length);
  board.transact(() => {
    for (const [i, id] of order.entries()) clustersMap(board).get(id)?.set(CLUSTER_FIELDS.order, keys[i]);
  }, LOCAL_ORIGIN);
}

/**
 * Keeps the `keep` best axes, in the result's order, and deletes the others (their issues go
 * back to the pool, their sheets stay unassigned, as when an axis is deleted by hand). Axes
 * the round did not cover are kept, after the voted ones.
 */
export function keepTopAxes(board: Y.Doc, results: RoundResults, keep: number): void {
  const voted = ranked(results);
  const votedSet = new Set(voted);
  const existing = readAxes(board).map((a) => a.id);
  const dropped = new Set(voted.filter((id) => existing.includes(id)).slice(Math.max(0, keep)));
  const order = votedFirst(existing, voted).filter((id) => !dropped.has(id));
  const keys = generateNKeysBetween(null, null, order.length);
  board.transact(() => {
    for (const id of dropped) if (votedSet.has(id)) deleteAxis(board, id);
    for (const [i, id] of order.entries()) axesMap(board).get(id)?.set(AXIS_FIELDS.order, keys[i]);
  }, LOCAL_ORIGIN);
}

/** The priority of the sheet at `index` of `count` ranked sheets: the top third high, then medium, then low. */
export function priorityByRank(index: number, count: number): ActionPriority {
  const third = Math.ceil(count / 3);
  if (index < third) return 'high';
  if (index < 2 * third) return 'medium';
  return 'low';
}

/** Sets the action sheets' priorities from the result: top third high, middle medium, last low. */
export function prioritiseActionsByResult(board: Y.Doc, results: RoundResults): void {
  const sheets = actionsMap(board);
  const order = ranked(results).filter((id) => sheets.has(id));
  board.transact(() => {
    for (const [i, id] of order.entries())
      sheets.get(id)?.set(ACTION_FIELDS.priority, priorityByRank(i, order.length));
  }, LOCAL_ORIGIN);
}

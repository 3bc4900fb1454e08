import {
  actionsReader,
  axesReader,
  clustersReader,
  derivedReader,
  readActions,
  readAxes,
  readClusters,
} from '@atelier/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useBoard, useTableSpace } from '../../../state/store';
import { filterByTable } from '../../../state/tableFilter';
import { itemsInSpace, type TableSpace } from '../../../state/tableSpace';
import { shownTable } from '../../../state/useItemsInSpace';

/** An issue (step 2's cluster) as step 3 shows it. */
export interface IssueView {
  id: string;
  title: string;
  /** 1-based place in step 2's ranking. */
  rank: number;
  /** Notes sorted into it. */
  notes: number;
  /** The axis it is attached to, `null` in the pool (also when its axis no longer exists). */
  axis: string | null;
  /** The table it was made at, `null` in plenary. */
  table: string | null;
  /** The tables it was merged from (its provenance, see clusters.ts `mergeClusters`). */
  fromTables: string[];
}

export interface AxisView {
  id: string;
  /** 1-based place among all the axes (the same in a table's space, where some are left out). */
  number: number;
  title: string;
  description: string;
  /** The table it was made at (or given to) during a round, `null` in plenary. */
  table: string | null;
  issues: IssueView[];
  /** Action sheets that name this axis. */
  sheets: number;
}

export interface AxesBoard {
  axes: AxisView[];
  /** Ranked issues not attached to any existing axis: "Enjeux à rattacher". */
  pool: IssueView[];
  /** Issues in all. */
  issueCount: number;
}

/**
 * Step 3's view of the board: each axis in order with its issues (in step 2's ranking) and
 * its count of action sheets, and the pool of ranked issues attached to none. An issue that
 * names an axis that is gone (deleted by someone while another attached it) is in the pool.
 */
export function readAxesBoard(doc: Y.Doc): AxesBoard {
  const axes = readAxes(doc);
  const known = new Set(axes.map((axis) => axis.id));
  const issues: IssueView[] = readClusters(doc).map((cluster, index) => ({
    id: cluster.id,
    title: cluster.title,
    rank: index + 1,
    notes: cluster.noteIds.length,
    axis: cluster.axis !== null && known.has(cluster.axis) ? cluster.axis : null,
    table: cluster.table,
    fromTables: cluster.fromTables,
  }));
  const sheets = new Map<string, number>();
  for (const sheet of readActions(doc))
    if (sheet.axis !== null) sheets.set(sheet.axis, (sheets.get(sheet.axis) ?? 0) + 1);
  return {
    axes: axes.map((axis, index) => ({
      id: axis.id,
      number: index + 1,
      title: axis.title,
      description: axis.description,
      table: axis.table,
      issues: issues.filter((issue) => issue.axis === axis.id),
      sheets: sheets.get(axis.id) ?? 0,
    })),
    pool: issues.filter((issue) => issue.axis === null),
    issueCount: issues.length,
  };
}

/** The issue `id`, in the pool or on an axis. */
export function findIssue(board: AxesBoard, id: string): IssueView | undefined {
  return (
    board.pool.find((issue) => issue.id === id) ??
    board.axes.flatMap((axis) => axis.issues).find((issue) => issue.id === id)
  );
}

/** Drop zone id of the pool; the other zones are axis ids. */
export const POOL_ZONE = 'axes:pool';

/** The axis a drop zone stands for (`null`: the pool). */
export function zoneAxis(zone: string): string | null {
  return zone === POOL_ZONE ? null : zone;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a card held with the keyboard goes when an arrow is pressed: the next drop zone
 * (pool, then the axes from left to right) to the right for → and ↓, to the left for ←
 * and ↑, its top-left placed so that the card's centre sits in the zone's upper part.
 * `undefined` when there is no zone that way.
 */
export function jumpToZone(
  zones: readonly { id: string; rect: Box }[],
  current: string | null,
  card: Box,
  direction: 1 | -1,
): { x: number; y: number } | undefined {
  const ordered = [...zones].sort((a, b) => a.rect.left - b.rect.left || a.rect.top - b.rect.top);
  const centre = { x: card.left + card.width / 2, y: card.top + card.height / 2 };
  let index = ordered.findIndex((zone) => zone.id === current);
  if (index < 0) index = ordered.findIndex((zone) => contains(zone.rect, centre));
  // Nowhere yet: → goes to the first zone to the right of the card, ← to the last to the left.
  const target =
    index >= 0
      ? ordered[index + direction]
      : direction === 1
        ? ordered.find((zone) => zone.rect.left + zone.rect.width / 2 > centre.x)
        : [...ordered].reverse().find((zone) => zone.rect.left + zone.rect.width / 2 < centre.x);
  if (!target) return undefined;
  const { rect } = target;
  const y = rect.top + Math.min(rect.height / 2, 96);
  return { x: rect.left + rect.width / 2 - card.width / 2, y: y - card.height / 2 };
}

export function contains(rect: Box, point: { x: number; y: number }): boolean {
  return (
    point.x >= rect.left &&
    point.x <= rect.left + rect.width &&
    point.y >= rect.top &&
    point.y <= rect.top + rect.height
  );
}

/** Step 3's view kept up to date: it reads the axes, the issues with the notes they count, and the sheets. */
export const axesBoardReader = derivedReader(readAxesBoard, axesReader, clustersReader, actionsReader);

/**
 * Step 3 during a table round: the axes of the person's table (the pool of issues stays whole).
 * In plenary with one table shown (`table`): that table's axes and the pool's issues from it.
 */
export function axesInSpace(board: AxesBoard, space: TableSpace, table: string | null = null): AxesBoard {
  if (space.kind === 'plenary' && table !== null) {
    const filter = { table };
    return {
      ...board,
      axes: [...filterByTable(board.axes, filter)],
      pool: [...filterByTable(board.pool, filter)],
    };
  }
  const axes = itemsInSpace(space, board.axes);
  return axes === board.axes ? board : { ...board, axes: [...axes] };
}

export function useAxesInSpace(board: AxesBoard): AxesBoard {
  const space = useTableSpace();
  const table = useBoard(shownTable);
  return useMemo(() => axesInSpace(board, space, table), [board, space, table]);
}

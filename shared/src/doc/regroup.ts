import type * as Y from 'yjs';
import { NOTE_FIELDS } from './layout';
import { notesMap, type Point, readNotes } from './notes';
import { LOCAL_ORIGIN } from './origins';
import { NOTE_HEIGHT, NOTE_WIDTH } from './placement';

/**
 * Back to plenary on the notes board (step 1): during a round each table saw only its own
 * notes, so the tables placed theirs independently and they overlap once everyone is back.
 * Each table's notes are a *region* (their bounding box, framed in the plenary view), and
 * "Regrouper par table" lays the regions out side by side, in table order, without overlap.
 */

/** A note as the layout reads it. */
export interface PlacedNote extends Point {
  id: string;
  table: string | null;
}

/** A rectangle in board units. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space around a table's notes inside its frame (board units). */
export const FRAME_PADDING = 24;
/** Space above a frame for its label (the table's name). */
export const FRAME_LABEL_SPACE = 48;
/** Space between two frames, side by side or row above row. */
const REGION_GAP = 96;
/** A table that spread its notes wider or taller than this is packed into a grid instead. */
const MAX_REGION_SPAN = 3200;
/** Between notes of a table packed into a grid. */
const GRID_GAP = 24;

/** Bounding box of notes (their whole cards), or `null` when there are none. */
function bounds(notes: readonly Point[]): Region | null {
  if (notes.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of notes) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + NOTE_WIDTH);
    maxY = Math.max(maxY, n.y + NOTE_HEIGHT);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Each table's notes, in `tables` order; tables without notes are left out, unknown tables too. */
function byTable<T extends PlacedNote>(notes: readonly T[], tables: readonly string[]): [string, T[]][] {
  const groups = new Map<string, T[]>(tables.map((id) => [id, []]));
  for (const note of notes) if (note.table !== null) groups.get(note.table)?.push(note);
  return [...groups].filter(([, group]) => group.length > 0);
}

/**
 * Each table's region: the bounding box of its notes, grown by FRAME_PADDING (what the plenary
 * view frames), in `tables` order. Notes made in plenary (or at a table since removed) have none.
 */
export function tableRegions(
  notes: readonly PlacedNote[],
  tables: readonly string[],
): { table: string; region: Region; count: number }[] {
  return byTable(notes, tables).map(([table, group]) => {
    const box = bounds(group) as Region;
    return {
      table,
      count: group.length,
      region: {
        x: box.x - FRAME_PADDING,
        y: box.y - FRAME_PADDING,
        width: box.width + 2 * FRAME_PADDING,
        height: box.height + 2 * FRAME_PADDING,
      },
    };
  });
}

/**
 * The board area of one table's frame with its label above it (what the plenary view zooms to
 * while that table presents), or `null` when the table has no notes.
 */
export function tableArea(notes: readonly PlacedNote[], table: string): Region | null {
  const found = tableRegions(notes, [table])[0];
  if (!found) return null;
  const { region } = found;
  return { ...region, y: region.y - FRAME_LABEL_SPACE, height: region.height + FRAME_LABEL_SPACE };
}

/** How many regions go in one row: side by side up to 3, then a roughly landscape grid (7 → 4 + 3). */
export function regionsPerRow(count: number): number {
  return Math.min(count, Math.max(3, Math.ceil(Math.sqrt(count * 1.5))));
}

/** A table's notes as they will sit with their box's top left at (0, 0). */
function relativeLayout(group: readonly PlacedNote[]): { moves: Map<string, Point>; box: Region } {
  const box = bounds(group) as Region;
  const moves = new Map<string, Point>();
  if (box.width <= MAX_REGION_SPAN && box.height <= MAX_REGION_SPAN) {
    // Keep the table's own arrangement: the whole group moves as one.
    for (const n of group) moves.set(n.id, { x: n.x - box.x, y: n.y - box.y });
    return { moves, box: { x: 0, y: 0, width: box.width, height: box.height } };
  }
  // Spread too far to keep as it is: a grid in reading order (top to bottom, left to right).
  const ordered = [...group].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const columns = Math.ceil(Math.sqrt(ordered.length));
  ordered.forEach((n, i) => {
    moves.set(n.id, {
      x: (i % columns) * (NOTE_WIDTH + GRID_GAP),
      y: Math.floor(i / columns) * (NOTE_HEIGHT + GRID_GAP),
    });
  });
  const rows = Math.ceil(ordered.length / columns);
  return {
    moves,
    box: {
      x: 0,
      y: 0,
      width: columns * (NOTE_WIDTH + GRID_GAP) - GRID_GAP,
      height: rows * (NOTE_HEIGHT + GRID_GAP) - GRID_GAP,
    },
  };
}

/**
 * Where each table's notes go so that the tables sit side by side (rows of `regionsPerRow`), in
 * table order, each keeping its own arrangement, their frames and labels never overlapping each
 * other nor the notes made in plenary, which stay where they are (the tables go below them).
 * Returns only the notes that move, with their new top-left corner (whole board units).
 */
export function regroupLayout(notes: readonly PlacedNote[], tables: readonly string[]): Map<string, Point> {
  const groups = byTable(notes, tables);
  const out = new Map<string, Point>();
  if (groups.length === 0) return out;
  const grouped = new Set(groups.flatMap(([, group]) => group.map((n) => n.id)));
  const plenary = bounds(notes.filter((n) => !grouped.has(n.id)));
  const all = bounds(groups.flatMap(([, group]) => group)) as Region;
  // The first frame's label starts where the tables' notes started, or below the plenary's notes.
  const left = plenary ? Math.min(plenary.x, all.x) : all.x;
  let top = plenary ? plenary.y + plenary.height + REGION_GAP : all.y - FRAME_PADDING - FRAME_LABEL_SPACE;
  const perRow = regionsPerRow(groups.length);
  for (let start = 0; start < groups.length; start += perRow) {
    let x = left;
    let rowHeight = 0;
    for (const [, group] of groups.slice(start, start + perRow)) {
      const { moves, box } = relativeLayout(group);
      const y = top + FRAME_LABEL_SPACE + FRAME_PADDING;
      for (const note of group) {
        const p = moves.get(note.id);
        if (!p) continue;
        const to = { x: Math.round(x + p.x), y: Math.round(y + p.y) };
        if (note.x !== to.x || note.y !== to.y) out.set(note.id, to);
      }
      x += box.width + 2 * FRAME_PADDING + REGION_GAP;
      rowHeight = Math.max(rowHeight, box.height);
    }
    top += FRAME_LABEL_SPACE + rowHeight + 2 * FRAME_PADDING + REGION_GAP;
  }
  return out;
}

/**
 * Facilitator command "Regrouper par table": lays each table's notes out in its own region
 * (see `regroupLayout`) in one transaction, so one undo puts them all back. Stacking (`z`) is
 * kept. `tables`: the workshop's table ids in display order. Returns how many notes moved.
 */
export function regroupNotesByTable(doc: Y.Doc, tables: readonly string[]): number {
  const moves = regroupLayout(readNotes(doc), tables);
  if (moves.size === 0) return 0;
  const notes = notesMap(doc);
  doc.transact(() => {
    for (const [id, to] of moves) notes.get(id)?.set(NOTE_FIELDS.pos, to);
  }, LOCAL_ORIGIN);
  return moves.size;
}

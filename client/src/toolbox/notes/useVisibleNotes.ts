import type { Note } from '@atelier/shared';
import { useCallback, useRef } from 'react';
import { type BoardState, spaceOf, useBoard } from '../../state/store';
import { inSpace, type TableSpace } from '../../state/tableSpace';
import type { Size, Viewport } from '../../state/types';
import { useView } from '../../state/view';
import { noteIntersects, type Rect, visibleRect } from '../canvas/geometry';
import { inIssue } from './inIssue';

/** Screen pixels drawn beyond each edge, so panning does not reveal a blank strip. */
const MARGIN = 300;
/** The culling rectangle snaps outwards to this grid (board units) so that panning recomputes rarely. */
const TILE = 1024;

/**
 * The area whose notes are drawn: the visible board plus a margin, snapped outwards to
 * tiles and encoded as a string. Panning changes it only when a tile boundary is crossed,
 * so the note layer re-renders a few times per screen of panning instead of every frame.
 */
export function cullKey(viewport: Viewport, size: Size): string {
  const rect = visibleRect(viewport, size, MARGIN);
  const x0 = Math.floor(rect.x / TILE);
  const y0 = Math.floor(rect.y / TILE);
  const x1 = Math.ceil((rect.x + rect.width) / TILE);
  const y1 = Math.ceil((rect.y + rect.height) / TILE);
  return `${x0},${y0},${x1},${y1}`;
}

export function rectFromCullKey(key: string): Rect {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = key.split(',').map(Number);
  return { x: x0 * TILE, y: y0 * TILE, width: (x1 - x0) * TILE, height: (y1 - y0) * TILE };
}

/**
 * Ids of the notes to draw: those inside `rect` and any note that must stay mounted
 * (being dragged or edited), in the store's stable order. Stacking is each note's `layer`
 * (z-index), so a note brought to the top changes one note's style, not the list. Notes
 * sorted into one of the `hidden` issues (step 2: they are in the issues column) are left out,
 * and so are, during a table round, the notes outside the person's table `space`.
 */
export function visibleNoteIds(
  notes: Readonly<Record<string, Note>>,
  rect: Rect,
  keep: readonly (string | null)[],
  hidden?: ReadonlySet<string>,
  space?: TableSpace,
): string[] {
  const out: string[] = [];
  for (const note of Object.values(notes)) {
    if (space && !inSpace(space, note.table)) continue;
    if (keep.includes(note.id)) out.push(note.id);
    else if (inIssue(note, hidden)) continue;
    else if (noteIntersects(note, rect)) out.push(note.id);
  }
  return out;
}

/**
 * Drawn notes are split into this many groups, each its own memoised component. When one
 * note re-renders, React visits the siblings on its path: 1,000 notes in one list made that
 * a thousand bail-outs (each checking context changes up the tree) per moved note.
 */
export const NOTE_GROUPS = 32;

/** Groups already hashed: grouping runs over every drawn note at each remote frame. */
const groupOf = new Map<string, number>();

/** A note's group never changes (a hash of its id), so culling never moves a note between groups and remounts it. */
export function noteGroup(id: string): number {
  let group = groupOf.get(id);
  if (group === undefined) {
    let hash = 2166136261;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
    group = (hash >>> 0) % NOTE_GROUPS;
    groupOf.set(id, group);
  }
  return group;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

type Groups = readonly (readonly string[])[];

/** Splits ids into NOTE_GROUPS groups, reusing `prev`'s arrays (and `prev` itself) where nothing changed. */
export function groupIds(ids: readonly string[], prev: Groups): Groups {
  const fresh: string[][] = Array.from({ length: NOTE_GROUPS }, () => []);
  for (const id of ids) fresh[noteGroup(id)]?.push(id);
  const next = fresh.map((group, i) => {
    const old = prev[i];
    return old && sameIds(old, group) ? old : group;
  });
  return prev.length === next.length && next.every((group, i) => group === prev[i]) ? prev : next;
}

/**
 * The ids to draw, in NOTE_GROUPS groups, as a store selection: a note moving inside the
 * drawn area changes no group, so the note layer (and dnd-kit's context around every note)
 * does not re-render; only the moved note does.
 */
export function useVisibleNoteGroups(activeId: string | null, hidden?: ReadonlySet<string>): Groups {
  const key = useView((s) => cullKey(s.viewport, s.canvasSize));
  const cache = useRef<{
    groups: Groups;
    inputs?: readonly [
      BoardState['notes'],
      string | null,
      string,
      string | null,
      ReadonlySet<string> | undefined,
      BoardState['tables'],
      string | null,
    ];
  }>({ groups: [] });
  const select = useCallback(
    (s: BoardState): Groups => {
      const last = cache.current;
      const inputs = [s.notes, s.editingId, key, activeId, hidden, s.tables, s.viewedTable] as const;
      // Most store writes change none of these (selection, toasts, connection state…).
      if (last.inputs?.every((value, i) => value === inputs[i])) return last.groups;
      const rect = rectFromCullKey(key);
      const ids = visibleNoteIds(s.notes, rect, [activeId, s.editingId], hidden, spaceOf(s));
      cache.current = { groups: groupIds(ids, last.groups), inputs };
      return cache.current.groups;
    },
    [key, activeId, hidden],
  );
  return useBoard(select);
}

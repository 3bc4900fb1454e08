import {
  type Active,
  type ClientRect,
  type CollisionDetection,
  closestCenter,
  type DroppableContainer,
  type DroppableContainers,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  type KeyboardSensorOptions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { KEYBOARD_CODES } from '../../../toolbox/canvas/dnd';

/**
 * Step 2's drag and drop, as ids: what is dragged (a board note, a note's chip in an issue,
 * an issue by its handle) and where it can land (an issue, before a chip, the "new issue"
 * zone, the board). Note ids are UUIDs, so the prefixes never clash with them.
 */
export type DragItem =
  | { kind: 'note'; noteId: string }
  | { kind: 'chip'; noteId: string }
  | { kind: 'issue'; clusterId: string }
  | { kind: 'new' }
  | { kind: 'board' };

const CHIP = 'chip:';
const ISSUE = 'issue:';
export const NEW_ISSUE_TARGET = 'issues:new';
export const BOARD_TARGET = 'issues:board';

export const chipId = (noteId: string): string => `${CHIP}${noteId}`;
export const issueId = (clusterId: string): string => `${ISSUE}${clusterId}`;

export function parseDragId(id: UniqueIdentifier): DragItem {
  const value = String(id);
  if (value === NEW_ISSUE_TARGET) return { kind: 'new' };
  if (value === BOARD_TARGET) return { kind: 'board' };
  if (value.startsWith(CHIP)) return { kind: 'chip', noteId: value.slice(CHIP.length) };
  if (value.startsWith(ISSUE)) return { kind: 'issue', clusterId: value.slice(ISSUE.length) };
  return { kind: 'note', noteId: value };
}

/** The note a drag carries (a board note or a chip), or `null` for an issue. */
export function draggedNote(id: UniqueIdentifier): string | null {
  const item = parseDragId(id);
  return item.kind === 'note' || item.kind === 'chip' ? item.noteId : null;
}

/** What an issue's droppable carries: its place in the ranking (for the keyboard's order). */
export interface IssueDropData {
  rank: number;
}

/** A place the keyboard can carry a note to. */
export interface KeyboardTarget {
  id: UniqueIdentifier;
  kind: 'issue' | 'new' | 'board';
  /** The issue's rank (0 first); unused for the other two. */
  rank: number;
}

function rankOf(container: Pick<DroppableContainer, 'data'>): number {
  const rank = (container.data.current as Partial<IssueDropData> | undefined)?.rank;
  return typeof rank === 'number' ? rank : Number.MAX_SAFE_INTEGER;
}

/**
 * Where the arrow keys take a held note, in order: the issues by rank, then the "new issue"
 * zone, then the board. Chips are left out: the keyboard sorts a note to an issue's end.
 */
export function keyboardTargets(
  containers: Iterable<Pick<DroppableContainer, 'id' | 'data' | 'disabled'>>,
): KeyboardTarget[] {
  const issues: KeyboardTarget[] = [];
  let fresh: KeyboardTarget | null = null;
  let board: KeyboardTarget | null = null;
  for (const container of containers) {
    if (container.disabled) continue;
    const item = parseDragId(container.id);
    if (item.kind === 'issue') issues.push({ id: container.id, kind: 'issue', rank: rankOf(container) });
    else if (item.kind === 'new') fresh = { id: container.id, kind: 'new', rank: 0 };
    else if (item.kind === 'board') board = { id: container.id, kind: 'board', rank: 0 };
  }
  issues.sort((a, b) => a.rank - b.rank || (String(a.id) < String(b.id) ? -1 : 1));
  return [...issues, ...(fresh ? [fresh] : []), ...(board ? [board] : [])];
}

/**
 * The target after (`step` 1) or before (-1) `current`, going round: from the board (where
 * a board note starts) the next is the first issue, the previous the "new issue" zone.
 * With no current target, forwards starts at the first, backwards at the last.
 */
export function nextTarget(
  targets: readonly KeyboardTarget[],
  current: UniqueIdentifier | null,
  step: 1 | -1,
): KeyboardTarget | undefined {
  if (targets.length === 0) return undefined;
  const index = current === null ? -1 : targets.findIndex((target) => target.id === current);
  if (index === -1) return step === 1 ? targets[0] : targets[targets.length - 1];
  return targets[(index + step + targets.length) % targets.length];
}

const FORWARD: readonly string[] = [KeyboardCode.Down, KeyboardCode.Right];
const BACKWARD: readonly string[] = [KeyboardCode.Up, KeyboardCode.Left];

/** Top-left corner that centres a `size` box on `rect`. */
export function centredOn(
  rect: ClientRect,
  size: { width: number; height: number },
): { x: number; y: number } {
  return { x: rect.left + rect.width / 2 - size.width / 2, y: rect.top + rect.height / 2 - size.height / 2 };
}

/** A `DroppableContainers` holding only some containers (what sortable's keyboard helper searches). */
class SomeContainers extends Map<UniqueIdentifier, DroppableContainer> {
  override get(id: UniqueIdentifier | null | undefined): DroppableContainer | undefined {
    return id == null ? undefined : super.get(id);
  }
  toArray(): DroppableContainer[] {
    return [...this.values()];
  }
  getEnabled(): DroppableContainer[] {
    return this.toArray().filter((container) => !container.disabled);
  }
  getNodeFor(id: UniqueIdentifier | null | undefined): HTMLElement | undefined {
    return this.get(id)?.node.current ?? undefined;
  }
}

function onlyIssues(containers: DroppableContainers): DroppableContainers {
  const out = new SomeContainers();
  for (const container of containers.values()) {
    if (parseDragId(container.id).kind === 'issue') out.set(container.id, container);
  }
  return out;
}

/** The target each keyboard drag was last sent to (keyed by the drag's `Active`, new at each drag). */
const chosen = new WeakMap<Active, UniqueIdentifier>();

/**
 * Arrow keys while something is held. An issue (its handle) moves up and down the ranking
 * with @dnd-kit/sortable's own helper, among the issues only. A note jumps from drop target
 * to drop target (see `keyboardTargets`) instead of moving by pixels: its overlay is centred
 * on the target, and on the board a board note goes back to where it was picked up.
 */
export const issuesKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, context } = args;
  if (parseDragId(active).kind === 'issue') {
    return sortableKeyboardCoordinates(event, {
      ...args,
      context: { ...context, droppableContainers: onlyIssues(context.droppableContainers) },
    });
  }
  const step = FORWARD.includes(event.code) ? 1 : BACKWARD.includes(event.code) ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  // `over` is measured after React draws the last move: two quick presses would both start
  // from it. The target chosen last in this drag (one `active` object per drag) is exact.
  const current = (context.active && chosen.get(context.active)) ?? over?.id ?? null;
  const target = nextTarget(keyboardTargets(droppableContainers.values()), current, step);
  if (!target) return undefined;
  if (context.active) chosen.set(context.active, target.id);
  if (target.kind === 'board' && parseDragId(active).kind === 'note') {
    const initial = context.active?.rect.current.initial;
    if (initial) return { x: initial.left, y: initial.top };
  }
  const rect = droppableRects.get(target.id);
  return rect ? centredOn(rect, collisionRect) : undefined;
};

/** Step 2's keyboard: the board's keys (Space picks up and drops, Escape cancels), arrows jump between targets. */
export const ISSUES_KEYBOARD_OPTIONS: KeyboardSensorOptions = {
  keyboardCodes: KEYBOARD_CODES,
  coordinateGetter: issuesKeyboardCoordinates,
};

function contains(rect: ClientRect, point: { x: number; y: number }): boolean {
  return point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom;
}

/**
 * What a drag is over. An issue being ranked: the closest issue (sortable's usual rule). A
 * note: the smallest target under the pointer (a chip inside an issue wins over the issue,
 * any target over the board behind); with the keyboard, which has no pointer, the target
 * under the centre of the held note, chips left out (the arrows never aim at them).
 */
export const issuesCollision: CollisionDetection = (args) => {
  const { active, droppableContainers, droppableRects, pointerCoordinates, collisionRect } = args;
  if (parseDragId(active.id).kind === 'issue') {
    return closestCenter({
      ...args,
      droppableContainers: droppableContainers.filter((c) => parseDragId(c.id).kind === 'issue'),
    });
  }
  const point = pointerCoordinates ?? {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  let best: { container: DroppableContainer; area: number } | null = null;
  for (const container of droppableContainers) {
    if (container.id === active.id || container.disabled) continue;
    const kind = parseDragId(container.id).kind;
    if (kind === 'note' || (kind === 'chip' && !pointerCoordinates)) continue;
    const rect = droppableRects.get(container.id);
    if (!rect || !contains(rect, point)) continue;
    const area = rect.width * rect.height;
    if (!best || area < best.area) best = { container, area };
  }
  return best
    ? [{ id: best.container.id, data: { droppableContainer: best.container, value: best.area } }]
    : [];
};

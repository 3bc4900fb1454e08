import type { Active, ClientRect, DroppableContainer, SensorContext, UniqueIdentifier } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import {
  BOARD_TARGET,
  centredOn,
  chipId,
  draggedNote,
  issueId,
  issuesCollision,
  issuesKeyboardCoordinates,
  keyboardTargets,
  NEW_ISSUE_TARGET,
  nextTarget,
  parseDragId,
} from './dragTargets';

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

/** Enough of a droppable container for the functions under test. */
function container(
  id: UniqueIdentifier,
  data: Record<string, unknown> = {},
  disabled = false,
): DroppableContainer {
  return {
    id,
    key: String(id),
    data: { current: data },
    disabled,
    node: { current: null },
    rect: { current: null },
  };
}

describe('step 2 drag ids', () => {
  it('tells a board note, a chip, an issue and the two zones apart', () => {
    expect(parseDragId('5f1c-note')).toEqual({ kind: 'note', noteId: '5f1c-note' });
    expect(parseDragId(chipId('n1'))).toEqual({ kind: 'chip', noteId: 'n1' });
    expect(parseDragId(issueId('c1'))).toEqual({ kind: 'issue', clusterId: 'c1' });
    expect(parseDragId(NEW_ISSUE_TARGET)).toEqual({ kind: 'new' });
    expect(parseDragId(BOARD_TARGET)).toEqual({ kind: 'board' });
    expect(draggedNote(chipId('n1'))).toBe('n1');
    expect(draggedNote('n2')).toBe('n2');
    expect(draggedNote(issueId('c1'))).toBeNull();
  });
});

describe('keyboard drop targets', () => {
  // Registered in mount order, not in rank order; chips are not keyboard targets.
  const containers = [
    container(BOARD_TARGET),
    container(issueId('third'), { rank: 2 }),
    container(chipId('n1')),
    container(issueId('first'), { rank: 0 }),
    container(NEW_ISSUE_TARGET),
    container(issueId('second'), { rank: 1 }),
  ];

  it('orders the issues by rank, then the new issue zone, then the board', () => {
    expect(keyboardTargets(containers).map((target) => target.id)).toEqual([
      issueId('first'),
      issueId('second'),
      issueId('third'),
      NEW_ISSUE_TARGET,
      BOARD_TARGET,
    ]);
  });

  it('leaves out disabled targets (the new issue zone while its form is open)', () => {
    const withForm = containers.map((c) => (c.id === NEW_ISSUE_TARGET ? { ...c, disabled: true } : c));
    expect(keyboardTargets(withForm).map((target) => target.id)).not.toContain(NEW_ISSUE_TARGET);
  });

  it('goes round: from the board, down is the first issue and up the new issue zone', () => {
    const targets = keyboardTargets(containers);
    expect(nextTarget(targets, BOARD_TARGET, 1)?.id).toBe(issueId('first'));
    expect(nextTarget(targets, BOARD_TARGET, -1)?.id).toBe(NEW_ISSUE_TARGET);
    expect(nextTarget(targets, issueId('first'), 1)?.id).toBe(issueId('second'));
    expect(nextTarget(targets, issueId('first'), -1)?.id).toBe(BOARD_TARGET);
    expect(nextTarget(targets, issueId('third'), 1)?.id).toBe(NEW_ISSUE_TARGET);
    expect(nextTarget(targets, null, 1)?.id).toBe(issueId('first'));
    expect(nextTarget(targets, null, -1)?.id).toBe(BOARD_TARGET);
    expect(nextTarget(targets, chipId('unknown'), 1)?.id).toBe(issueId('first'));
    expect(nextTarget([], BOARD_TARGET, 1)).toBeUndefined();
  });

  it('centres the held note on the target', () => {
    expect(centredOn(rect(1000, 200, 300, 100), { width: 100, height: 40 })).toEqual({ x: 1100, y: 230 });
  });
});

describe('what a drag is over', () => {
  const rects = new Map<UniqueIdentifier, ClientRect>([
    [BOARD_TARGET, rect(0, 0, 800, 700)],
    [issueId('a'), rect(820, 10, 400, 200)],
    [chipId('n1'), rect(850, 120, 360, 30)],
    [issueId('b'), rect(820, 220, 400, 150)],
    [NEW_ISSUE_TARGET, rect(820, 400, 400, 80)],
  ]);
  const droppables = [...rects.keys()].map((id) => container(id));
  const detect = (
    active: UniqueIdentifier,
    pointer: { x: number; y: number } | null,
    held = rect(0, 0, 0, 0),
  ) =>
    issuesCollision({
      active: { id: active, data: { current: {} }, rect: { current: { initial: null, translated: null } } },
      collisionRect: held,
      droppableRects: rects,
      droppableContainers: droppables,
      pointerCoordinates: pointer,
    }).map((collision) => collision.id);

  it('a note under the pointer: the smallest target wins (a chip inside an issue)', () => {
    expect(detect('n9', { x: 900, y: 130 })).toEqual([chipId('n1')]);
    expect(detect('n9', { x: 900, y: 50 })).toEqual([issueId('a')]);
    expect(detect('n9', { x: 300, y: 300 })).toEqual([BOARD_TARGET]);
    expect(detect('n9', { x: 900, y: 440 })).toEqual([NEW_ISSUE_TARGET]);
    expect(detect('n9', { x: 1500, y: 50 })).toEqual([]);
  });

  it('a chip is never over itself', () => {
    expect(detect(chipId('n1'), { x: 900, y: 130 })).toEqual([issueId('a')]);
  });

  it('with the keyboard (no pointer), the target under the held note’s centre, chips left out', () => {
    expect(detect('n9', null, rect(870, 110, 300, 40))).toEqual([issueId('a')]);
    expect(detect('n9', null, rect(100, 100, 200, 160))).toEqual([BOARD_TARGET]);
  });

  it('an issue being ranked is only ever over issues', () => {
    const over = detect(issueId('b'), { x: 900, y: 440 }, rect(820, 380, 400, 150));
    expect(over.every((id) => parseDragId(id).kind === 'issue')).toBe(true);
    expect(over[0]).toBe(issueId('b'));
  });
});

describe('arrow keys while a note is held', () => {
  const rects = new Map<UniqueIdentifier, ClientRect>([
    [BOARD_TARGET, rect(0, 0, 800, 700)],
    [issueId('a'), rect(820, 0, 400, 200)],
    [issueId('b'), rect(820, 220, 400, 100)],
    [NEW_ISSUE_TARGET, rect(820, 400, 400, 80)],
  ]);
  const containers = new Map<UniqueIdentifier, DroppableContainer>([
    [BOARD_TARGET, container(BOARD_TARGET)],
    [issueId('b'), container(issueId('b'), { rank: 1 })],
    [issueId('a'), container(issueId('a'), { rank: 0 })],
    [NEW_ISSUE_TARGET, container(NEW_ISSUE_TARGET)],
  ]);
  const initial = rect(100, 100, 200, 160);
  const active: Active = {
    id: 'n1',
    data: { current: {} },
    rect: { current: { initial, translated: initial } },
  };
  // `over` stays where the drag started: React has not drawn the moves yet (quick presses).
  const context = {
    active,
    collisionRect: initial,
    droppableRects: rects,
    droppableContainers: containers,
    over: { id: BOARD_TARGET, rect: rects.get(BOARD_TARGET), disabled: false, data: { current: {} } },
  } as unknown as SensorContext;
  const press = (code: string) => {
    const event = { code, preventDefault: () => {} } as KeyboardEvent;
    return issuesKeyboardCoordinates(event, {
      active: 'n1',
      context,
      currentCoordinates: { x: 100, y: 100 },
    });
  };

  it('jumps target by target, even when pressed faster than the drag is drawn', () => {
    // Centred on issue a (820..1220 × 0..200) then on issue b, then the new issue zone.
    expect(press('ArrowDown')).toEqual({ x: 920, y: 20 });
    expect(press('ArrowDown')).toEqual({ x: 920, y: 190 });
    expect(press('ArrowRight')).toEqual({ x: 920, y: 360 });
    // Back to the board: a board note returns to where it was picked up.
    expect(press('ArrowDown')).toEqual({ x: 100, y: 100 });
    expect(press('ArrowUp')).toEqual({ x: 920, y: 360 });
    expect(press('KeyA')).toBeUndefined();
  });
});

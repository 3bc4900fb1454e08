import {
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type Box, contains, jumpToZone } from './axesBoard';

/**
 * The held card jumps from drop zone to drop zone (the pool, then each axis's column):
 * → and ↓ to the next, ← and ↑ to the previous.
 */
export const zoneCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const direction =
    event.code === KeyboardCode.Right || event.code === KeyboardCode.Down
      ? 1
      : event.code === KeyboardCode.Left || event.code === KeyboardCode.Up
        ? -1
        : 0;
  const card = context.collisionRect;
  if (direction === 0 || !card) return undefined;
  event.preventDefault();
  const zones: { id: string; rect: Box }[] = [];
  for (const container of context.droppableContainers.getEnabled()) {
    const rect = context.droppableRects.get(container.id);
    if (rect) zones.push({ id: String(container.id), rect });
  }
  return jumpToZone(zones, context.over ? String(context.over.id) : null, card, direction);
};

/**
 * The zone under the mouse or finger, or for the keyboard the zone holding the card's
 * centre: columns never overlap, so there is one at most.
 */
export const zoneCollision: CollisionDetection = ({
  droppableContainers,
  droppableRects,
  collisionRect,
  pointerCoordinates,
}) => {
  const point = pointerCoordinates ?? {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  const hits = [];
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (rect && contains(rect, point))
      hits.push({ id: container.id, data: { droppableContainer: container, value: 0 } });
  }
  return hits;
};

// Module constants: dnd-kit memoises each sensor on its options object.
/** A few pixels before a drag starts, so a click on a card's menu stays a click. */
const MOUSE_OPTIONS = { activationConstraint: { distance: 4 } };
/** A long press, so that a finger still scrolls the columns. */
const TOUCH_OPTIONS = { activationConstraint: { delay: 250, tolerance: 8 } };
const KEYBOARD_OPTIONS = {
  coordinateGetter: zoneCoordinates,
  keyboardCodes: { start: ['Space', 'Enter'], cancel: ['Escape', 'Tab'], end: ['Space', 'Enter'] },
};

export function useAxesSensors() {
  return useSensors(
    useSensor(MouseSensor, MOUSE_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
}

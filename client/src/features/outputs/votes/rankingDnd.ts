import {
  type Announcements,
  KeyboardSensor,
  type Modifier,
  MouseSensor,
  type ScreenReaderInstructions,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { Translator } from '../../../i18n/translate';

// Module constants: dnd-kit memoises each sensor on its options object.
/** A few pixels before a drag starts, so a click on the handle is not a drag. */
const MOUSE_OPTIONS = { activationConstraint: { distance: 4 } };
/** A long press, so that a finger still scrolls the page over the list. */
const TOUCH_OPTIONS = { activationConstraint: { delay: 250, tolerance: 8 } };
/** Space or Enter picks up the focused handle, the arrows move it, Space or Enter drops it. */
const KEYBOARD_OPTIONS = {
  coordinateGetter: sortableKeyboardCoordinates,
  keyboardCodes: { start: ['Space', 'Enter'], cancel: ['Escape'], end: ['Space', 'Enter'] },
};

/** The ranking ballot's sensors: mouse, a long press, and the keyboard. */
export function useRankingSensors() {
  return useSensors(
    useSensor(MouseSensor, MOUSE_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
}

/** A ranked target moves up and down only. */
export const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/**
 * What a screen reader hears while a target is moved: its name and its place, out of how many.
 * `read` gives the order and the labels at the time of the event.
 */
export function rankingAccessibility(
  t: Translator,
  read: () => { order: readonly string[]; label: (id: string) => string },
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const said = (key: 'start' | 'over' | 'end' | 'cancel', id: UniqueIdentifier, at: UniqueIdentifier) => {
    const { order, label } = read();
    return t(`votes.ranking.dnd.${key}`, {
      label: label(String(id)),
      position: order.indexOf(String(at)) + 1,
      total: order.length,
    });
  };
  // Where the target held was last said to be: dnd-kit reports it over its own place as the drag
  // starts, which would cut "picked up" short.
  let lastOver: UniqueIdentifier | null = null;
  return {
    screenReaderInstructions: { draggable: t('votes.ranking.dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => {
        lastOver = active.id;
        return said('start', active.id, active.id);
      },
      onDragMove: () => undefined,
      onDragOver: ({ active, over }) => {
        if (!over || over.id === lastOver) return undefined;
        lastOver = over.id;
        return said('over', active.id, over.id);
      },
      onDragEnd: ({ active, over }) => said('end', active.id, over?.id ?? active.id),
      onDragCancel: ({ active }) => said('cancel', active.id, active.id),
    },
  };
}

import {
  type Announcements,
  KeyboardSensor,
  type KeyboardSensorOptions,
  PointerSensor,
  type PointerSensorOptions,
  type ScreenReaderInstructions,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { createContext, type PointerEvent as ReactPointerEvent } from 'react';
import type { Translator } from '../../i18n/translate';
import { boardStore } from '../../state/store';
import { isSpacePanning } from './usePanZoom';

const basePointerActivator = PointerSensor.activators[0];

/**
 * Mouse and pen drags (touch goes to the TouchSensor, which waits for a long press so that
 * a finger can still pan and pinch the board). Never while Space-panning.
 */
export class BoardPointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (event: ReactPointerEvent, options: PointerSensorOptions): boolean => {
        const native = event.nativeEvent;
        if (native.pointerType === 'touch' || native.button !== 0 || isSpacePanning()) return false;
        return basePointerActivator ? basePointerActivator.handler(event, options) : false;
      },
    },
  ];
}

// Module constants: dnd-kit memoises each sensor on its options object, and new sensors give
// every draggable note a new context, so options made at render re-rendered every note on
// every store change (each remote move, up to hundreds a second).
/** A few pixels of movement before a drag starts, so a click still selects and a double-click edits. */
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const TOUCH_OPTIONS = { activationConstraint: { delay: 250, tolerance: 8 } };
/** Enter opens the editor on a focused note; Space picks it up. */
export const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter', 'Tab'] };
const KEYBOARD_OPTIONS: KeyboardSensorOptions = { keyboardCodes: KEYBOARD_CODES };

/**
 * The board's sensors. A view with its own keyboard moves (step 2's jumps between drop
 * targets) passes its own options: a module constant too, for the same reason.
 */
export function useBoardSensors(keyboard: KeyboardSensorOptions = KEYBOARD_OPTIONS) {
  return useSensors(
    useSensor(BoardPointerSensor, POINTER_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, keyboard),
  );
}

/**
 * True where a drag overlay (step 2) follows the pointer in the note's stead: the note then
 * stays where it is, drawn as the drag's origin, instead of moving by dnd-kit's transform.
 */
export const NoteDragOverlay = createContext(false);

/** The start of a note's text, to tell a screen-reader user which note they hold. */
function noteName(id: UniqueIdentifier): string {
  const text = boardStore.getState().notes[String(id)]?.text.trim() ?? '';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function dndAccessibility(t: Translator): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  return {
    screenReaderInstructions: { draggable: t('dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('dnd.start', { text: noteName(active.id) }),
      onDragMove: () => undefined,
      onDragOver: () => undefined,
      onDragEnd: ({ active }) => t('dnd.end', { text: noteName(active.id) }),
      onDragCancel: ({ active }) => t('dnd.cancel', { text: noteName(active.id) }),
    },
  };
}

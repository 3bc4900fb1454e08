import {
  type DraggableAttributes,
  type DraggableSyntheticListeners,
  type UniqueIdentifier,
  useDraggable,
} from '@dnd-kit/core';

/** What dnd-kit gives a draggable (`useDraggable`, `useSortable`) for the element a person grabs. */
export interface DragSource {
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
}

type Listener = NonNullable<DraggableSyntheticListeners>[string];

/** What `dragHandleProps` gives: the attributes (`aria-disabled` only when kept) and the listeners, `on…`. */
export type DragHandleProps = Omit<DraggableAttributes, 'aria-disabled'> & {
  'aria-disabled'?: boolean;
  [listener: `on${string}`]: Listener | undefined;
};

/**
 * The props spread on a drag handle: dnd-kit's attributes (role, tab stop, description) and
 * its listeners (none while disabled). dnd-kit marks a disabled draggable `aria-disabled`, which would
 * announce the handle (a note, with its editor and buttons) as disabled when only dragging is
 * off: that attribute is left out unless `ariaDisabled: 'keep'` asks for dnd-kit's own.
 */
export function dragHandleProps(
  source: DragSource,
  options: { ariaDisabled?: 'keep' } = {},
): DragHandleProps {
  const { 'aria-disabled': _disabled, ...attributes } = source.attributes;
  return { ...(options.ariaDisabled === 'keep' ? source.attributes : attributes), ...source.listeners };
}

interface DragHandleArguments {
  id: UniqueIdentifier;
  disabled: boolean;
  /** What a screen reader calls the thing held ("note", "issue"…); dnd-kit's "draggable" otherwise. */
  roleDescription?: string | undefined;
  /** Keep dnd-kit's `aria-disabled` on the handle (see `dragHandleProps`). */
  ariaDisabled?: 'keep';
}

/**
 * A draggable (`useDraggable`) and the props of the element a person grabs, `handle`: spread
 * them on the handle, whose ref is `setNodeRef` (the whole thing is grabbed) or
 * `setActivatorNodeRef` (a part of it).
 */
export function useDragHandle({ id, disabled, roleDescription, ariaDisabled }: DragHandleArguments) {
  const drag = useDraggable({
    id,
    disabled,
    ...(roleDescription === undefined ? {} : { attributes: { roleDescription } }),
  });
  return { ...drag, handle: dragHandleProps(drag, ariaDisabled ? { ariaDisabled } : {}) };
}

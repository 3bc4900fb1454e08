import type { DraggableAttributes } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { dragHandleProps } from './dragHandle';

const attributes = (disabled: boolean): DraggableAttributes => ({
  role: 'button',
  tabIndex: 0,
  'aria-disabled': disabled,
  'aria-pressed': undefined,
  'aria-roledescription': 'note',
  'aria-describedby': 'DndDescribedBy-0',
});

describe('a drag handle’s props', () => {
  it('leave out aria-disabled, so a handle whose dragging is off is not announced as disabled', () => {
    const props = dragHandleProps({ attributes: attributes(true), listeners: undefined });
    expect(props).not.toHaveProperty('aria-disabled');
    expect(props).toEqual({
      role: 'button',
      tabIndex: 0,
      'aria-pressed': undefined,
      'aria-roledescription': 'note',
      'aria-describedby': 'DndDescribedBy-0',
    });
  });

  it('keep dnd-kit’s aria-disabled, in its place, when asked', () => {
    const props = dragHandleProps(
      { attributes: attributes(false), listeners: undefined },
      { ariaDisabled: 'keep' },
    );
    expect(Object.keys(props)).toEqual(Object.keys(attributes(false)));
    expect(props['aria-disabled']).toBe(false);
  });

  it('carry the listeners, which start a drag', () => {
    const onPointerDown = () => {};
    const onKeyDown = () => {};
    const props = dragHandleProps({ attributes: attributes(false), listeners: { onPointerDown, onKeyDown } });
    expect(props.onPointerDown).toBe(onPointerDown);
    expect(props.onKeyDown).toBe(onKeyDown);
    expect(props.role).toBe('button');
  });
});

import type { ComponentProps } from 'react';
import { createPortal } from 'react-dom';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/**
 * A confirmation dialog put in the body: focusing the modal would otherwise scroll the board
 * (overflow: hidden) under it.
 */
export function ConfirmInBody(props: ComponentProps<typeof ConfirmDialog>) {
  return createPortal(<ConfirmDialog {...props} />, document.body);
}

import type { SheetPresenceField } from '@atelier/shared';
import type { FocusEvent } from 'react';
import { useCanEdit } from '../../../state/store';
import { useSheetPresence } from './sheetPresence';

/**
 * Focus handlers for a field, or a group of inputs forming one field (the financing plan):
 * the others see this person in it while the focus is anywhere inside.
 */
export function useFieldFocus(field: SheetPresenceField): {
  onFocus: () => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
} {
  const reporter = useSheetPresence();
  const editable = useCanEdit();
  return {
    onFocus: () => {
      if (editable) reporter?.enter(field);
    },
    onBlur: (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && event.currentTarget.contains(next)) return;
      reporter?.leave(field);
    },
  };
}

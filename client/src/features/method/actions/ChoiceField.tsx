import { type ReactNode, useId } from 'react';
import type * as Y from 'yjs';
import { useCanEdit } from '../../../state/store';
import { SheetField } from './SheetField';
import { useFieldFocus } from './useFieldFocus';
import { useSheetCommands } from './useSheetCommands';

interface ChoiceCommon<V extends string> {
  sheetId: string;
  field: 'status' | 'priority' | 'axis' | 'structure';
  label: string;
  options: readonly { value: V; label: string }[];
}
type Choose<V> = (value: V) => (doc: Y.Doc) => void;

/** A field chosen from a list, saved as soon as it changes. */
export function ChoiceField<V extends string>(
  props: ChoiceCommon<V> & { value: V; onChange: Choose<V> },
): ReactNode;
/** The same, with a first choice labelled `none` that means no value (`null`). */
export function ChoiceField<V extends string>(
  props: ChoiceCommon<V> & { none: string; value: V | null; onChange: Choose<V | null> },
): ReactNode;
export function ChoiceField<V extends string>(
  props: ChoiceCommon<V> & { none?: string; value: V | null; onChange: Choose<V> | Choose<V | null> },
) {
  const { sheetId, field, label, options, none } = props;
  // Only the second form offers "" (none), so only it is given null.
  const onChange = props.onChange as Choose<V | null>;
  const command = (chosen: string) => onChange(chosen === '' ? null : (chosen as V));
  const id = useId();
  const editable = useCanEdit();
  const commands = useSheetCommands();
  const focus = useFieldFocus(field);
  return (
    <SheetField label={label} htmlFor={id} field={field} people={{ sheetId, field }}>
      <select
        id={id}
        className="input"
        value={props.value ?? ''}
        disabled={!editable}
        data-testid={`sheet.${field}`}
        onChange={(event) => {
          try {
            commands.run(command(event.target.value));
          } catch {
            // The list offers only valid values; an axis deleted meanwhile is simply not applied.
          }
        }}
        {...focus}
      >
        {none !== undefined && <option value="">{none}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </SheetField>
  );
}

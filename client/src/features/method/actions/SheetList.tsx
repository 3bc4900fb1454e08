import type { SheetPresenceField } from '@atelier/shared';
import { type ReactNode, useId } from 'react';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { FieldPeople } from './FieldPeople';
import { useFieldFocus } from './useFieldFocus';

interface ListProps {
  sheetId: string;
  /** The field the others see this person in while the focus is anywhere inside. */
  field: SheetPresenceField;
  className: string;
  testId: string;
  title: string;
  /** No entry yet: `emptyText` shows instead of `entries`. */
  empty: boolean;
  emptyText: string;
  /** The entries (a table, a list), each editable in place when the person may write. */
  entries: ReactNode;
  /** The form that adds an entry (only for those who may write). */
  newEntry: ReactNode;
  /** What follows the form (the financing's totals). */
  children?: ReactNode;
}

/**
 * A field of a sheet made of entries (the financing plan's lines, the timeline's
 * milestones): its heading with who is in it, the entries or a line saying there are none,
 * the form that adds one, and what follows.
 */
export function SheetList({
  sheetId,
  field,
  className,
  testId,
  title,
  empty,
  emptyText,
  entries,
  newEntry,
  children,
}: ListProps) {
  const focus = useFieldFocus(field);
  const headingId = useId();
  return (
    <section className={className} aria-labelledby={headingId} data-testid={testId} {...focus}>
      <div className="sheet-field__label">
        <h3 id={headingId}>{title}</h3>
        <FieldPeople sheetId={sheetId} field={field} />
      </div>
      {empty ? <p className="muted">{emptyText}</p> : entries}
      {newEntry}
      {children}
    </section>
  );
}

interface NewEntryProps {
  className: string;
  label: string;
  testId: string;
  addLabel: string;
  addTestId: string;
  /** Enter in a field, or the Add button. */
  onAdd: () => void;
  /** The new entry's fields. */
  children: ReactNode;
}

/** The form under a sheet's list that adds an entry: its fields, then Add. */
export function NewEntryForm({
  className,
  label,
  testId,
  addLabel,
  addTestId,
  onAdd,
  children,
}: NewEntryProps) {
  return (
    <form
      className={className}
      aria-label={label}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onAdd();
      }}
    >
      {children}
      <button type="submit" className="button" data-testid={addTestId}>
        <Icon name="plus" size={16} />
        {addLabel}
      </button>
    </form>
  );
}

/** An entry's remove button (Ctrl+Z brings the entry back). */
export function RemoveEntryButton({
  label,
  testId,
  onRemove,
}: {
  label: string;
  testId: string;
  onRemove: () => void;
}) {
  return (
    <IconButton className="icon-button--small" label={label} testId={testId} onClick={onRemove}>
      <Icon name="close" size={16} />
    </IconButton>
  );
}

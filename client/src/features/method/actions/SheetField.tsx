import type { SheetPresenceField } from '@atelier/shared';
import type { ReactNode } from 'react';
import { FieldPeople } from './FieldPeople';

/** A `<label>` for the field's control, or an `<h3>` with this id when there is no control (read only). */
type LabelTarget = { htmlFor: string; headingId?: never } | { headingId: string; htmlFor?: never };

type SheetFieldProps = LabelTarget & {
  label: string;
  /** `data-field`: the sheet's field (for tests and styles). */
  field?: string | undefined;
  /** Added to `sheet-field` (`sheet-field--heading`, `public-tags`). */
  className?: string | undefined;
  labelClassName?: string | undefined;
  /** Who else is in the field, next to its label. */
  people?: { sheetId: string; field: SheetPresenceField } | undefined;
  testId?: string | undefined;
  children: ReactNode;
};

/**
 * One field of a sheet: its label (with who else is in the field, when `people` is given),
 * then its control and what goes with it (`children`).
 */
export function SheetField({
  label,
  field,
  className,
  labelClassName,
  people,
  testId,
  htmlFor,
  headingId,
  children,
}: SheetFieldProps) {
  return (
    <div
      className={className ? `sheet-field ${className}` : 'sheet-field'}
      data-field={field}
      data-testid={testId}
    >
      <div className="sheet-field__label">
        {headingId === undefined ? (
          <label htmlFor={htmlFor} className={labelClassName}>
            {label}
          </label>
        ) : (
          <h3 id={headingId} className={labelClassName}>
            {label}
          </h3>
        )}
        {people && <FieldPeople sheetId={people.sheetId} field={people.field} />}
      </div>
      {children}
    </div>
  );
}

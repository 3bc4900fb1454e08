import type { SheetPresenceField } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useSheetActivity } from '../../../state/presenceStores';
import type { SheetActivity } from '../../../state/types';
import { initials } from '../../../toolbox/presence/PresenceBar';

const MAX_SHOWN = 4;

/** Coloured initials of people, with their names for screen readers and as a tooltip. */
export function PeopleInitials({
  people,
  label,
  testId,
  small = false,
}: {
  people: readonly SheetActivity[];
  label: string;
  testId: string;
  small?: boolean;
}) {
  if (people.length === 0) return null;
  const shown = people.slice(0, MAX_SHOWN);
  const more = people.length - shown.length;
  return (
    <span
      className={small ? 'sheet-people sheet-people--small' : 'sheet-people'}
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
    >
      {shown.map((person) => (
        <span
          key={person.participantId}
          className="sheet-people__initials"
          style={{ background: person.color }}
          data-name={person.name}
          aria-hidden="true"
        >
          {initials(person.name)}
        </span>
      ))}
      {more > 0 && (
        <span className="sheet-people__initials sheet-people__initials--more" aria-hidden="true">
          +{more}
        </span>
      )}
    </span>
  );
}

/** Who else is in one field of a sheet right now, next to its label. */
export function FieldPeople({ sheetId, field }: { sheetId: string; field: SheetPresenceField }) {
  const t = useT();
  const people = useSheetActivity(sheetId).filter((person) => person.field === field);
  return (
    <PeopleInitials
      people={people}
      label={t('sheet.fieldPeople', { names: people.map((p) => p.name).join(', ') })}
      testId={`sheet.field-people.${field}`}
      small
    />
  );
}

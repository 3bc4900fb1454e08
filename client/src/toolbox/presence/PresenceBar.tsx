import type { PresenceUser } from '@atelier/shared';
import { useT } from '../../i18n/locale';
import { usePresence } from '../../state/presenceStores';
import { useBoard, useTableSpace } from '../../state/store';
import { personInSpace } from '../../state/tableSpace';
import { Icon } from '../../ui/Icon';

const MAX_AVATARS = 8;

export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.]+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : (words[0]?.[1] ?? '');
  return (first + last).toUpperCase();
}

/** Who is here: avatars in each person's colour (you first) and the head count. */
export function PresenceBar() {
  const t = useT();
  const everyone = usePresence((s) => s.people);
  const myId = useBoard((s) => s.me?.participantId);
  const space = useTableSpace();
  const seats = useBoard((s) => s.tables.seats);
  // During a table round, those at the table shown (and oneself).
  const people = everyone.filter((p) => personInSpace(space, seats, p.participantId, myId));
  const shown = people.slice(0, MAX_AVATARS);
  const hidden = people.length - shown.length;
  return (
    <section className="presence" aria-label={t('presence.label')}>
      <ul className="presence__avatars">
        {shown.map((person) => (
          <Avatar key={person.participantId} person={person} you={person.participantId === myId} />
        ))}
        {hidden > 0 && (
          <li
            className="avatar avatar--more"
            title={people
              .slice(MAX_AVATARS)
              .map((p) => p.name)
              .join(', ')}
          >
            {t('presence.more', { n: hidden })}
          </li>
        )}
      </ul>
      <span className="presence__count" title={t.plural('presence.count', people.length)}>
        <span data-testid="presence.count">{people.length}</span>
        <span className="visually-hidden"> {t.plural('presence.count', people.length)}</span>
      </span>
    </section>
  );
}

function Avatar({ person, you }: { person: PresenceUser; you: boolean }) {
  const t = useT();
  const label = `${you ? t('presence.you', { name: person.name }) : person.name} — ${t(`role.${person.role}`)}`;
  return (
    <li
      className={`avatar${you ? ' avatar--you' : ''}`}
      style={{ background: person.color }}
      data-testid="presence.avatar"
      data-name={person.name}
      title={label}
      aria-label={label}
    >
      <span aria-hidden="true">{initials(person.name)}</span>
      {person.role !== 'participant' && (
        <span className={`avatar__badge avatar__badge--${person.role}`} aria-hidden="true">
          <Icon name={person.role === 'facilitator' ? 'star' : 'eye'} size={11} />
        </span>
      )}
    </li>
  );
}

import type { InvitedPerson } from '@atelier/shared';
import { useRef, useState } from 'react';
import { useT } from '../../i18n/locale';

/** The re-invited people's new personal links, each with a copy button: the facilitator sends them. */
export function InvitedLinks({ people }: { people: readonly InvitedPerson[] }) {
  return (
    <ul className="invited-links" data-testid="newSession.invited">
      {people.map((person) => (
        <InvitedLink key={person.participantId} person={person} />
      ))}
    </ul>
  );
}

function InvitedLink({ person }: { person: InvitedPerson }) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(person.link);
      setCopied('ok');
    } catch {
      inputRef.current?.select();
      setCopied('failed');
    }
    window.setTimeout(() => setCopied(null), 2500);
  };
  return (
    <li className="invited-link" data-testid="newSession.person" data-name={person.name}>
      <div className="invited-link__who">
        <strong>{person.name}</strong>
        <span className="muted">
          {' · '}
          {t(`group.${person.group}`)}
          {person.role === 'observer' ? ` · ${t('newSession.observer')}` : ''}
        </span>
      </div>
      <div className="invited-link__row">
        <input
          ref={inputRef}
          className="input invited-link__url"
          readOnly
          value={person.link}
          aria-label={t('newSession.linkOf', { name: person.name })}
          data-testid="newSession.link"
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className="button"
          data-testid="newSession.copy"
          aria-label={t('newSession.copyLabel', { name: person.name })}
          onClick={() => void copy()}
        >
          {copied === 'ok' ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {copied === 'ok' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
      </span>
    </li>
  );
}

import type { SessionSummary } from '@atelier/shared';
import { useT } from '../../i18n/locale';
import { sessionDay } from './sessionDay';

/** One session on the strategy page: its number, title, day, steps, who took part, whether people can join. */
export function SessionCard({ session, onOpen }: { session: SessionSummary; onOpen: () => void }) {
  const t = useT();
  const day = sessionDay(session.date, t.locale);
  return (
    <li className="session-card" data-testid="strategy.session" data-workshop-id={session.workshopId}>
      <span className="session-card__index" aria-hidden="true">
        {session.index}
      </span>
      <div className="session-card__body">
        <h3 className="session-card__title">
          <span className="visually-hidden">{t('strategy.sessionN', { n: session.index })} </span>
          {session.title}
        </h3>
        <p className="session-card__meta">
          <time dateTime={session.date}>{day}</time>
          {' · '}
          {t.plural('strategy.participants', session.participation.participants)}
          {' · '}
          <span data-testid="strategy.contributors">
            {t.plural('strategy.contributors', session.participation.contributors)}
          </span>
        </p>
        <ul className="session-card__steps" aria-label={t('strategy.steps')}>
          {session.steps.map((step) => (
            <li key={step}>{t(`steps.${step}`)}</li>
          ))}
        </ul>
        <p
          className={
            session.joiningOpen ? 'session-card__door' : 'session-card__door session-card__door--closed'
          }
          data-testid="strategy.door"
        >
          {session.joiningOpen
            ? t('strategy.joinOpen', { code: session.joinCode })
            : t('strategy.joinClosed')}
        </p>
      </div>
      <button
        type="button"
        className="button button--primary session-card__open"
        data-testid="strategy.open"
        aria-label={t('strategy.openLabel', { n: session.index, title: session.title })}
        onClick={onOpen}
      >
        {t('strategy.open')}
      </button>
    </li>
  );
}

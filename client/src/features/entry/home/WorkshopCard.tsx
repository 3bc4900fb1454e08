import { STEPS, type Step } from '@atelier/shared';
import { useState } from 'react';
import { useT } from '../../../i18n/locale';
import { navigate } from '../../../routing/router';
import { boardPath } from '../../../routing/routes';
import type { RememberedWorkshop } from '../../../session/remembered';
import { timeAgo } from '../../../ui/timeAgo';

/**
 * One workshop on the facilitator's home: its title opens it as facilitator (the whole card is
 * the link's target; "Oublier" sits above it), then its territory, dates and steps.
 */
export function WorkshopCard({ workshop, onForget }: { workshop: RememberedWorkshop; onForget: () => void }) {
  const t = useT();
  const [now] = useState(Date.now);
  const path = boardPath(workshop.id);
  const opened = timeAgo(Date.parse(workshop.lastOpenedAt), now, t.locale);
  // The day in this computer's time zone: "6 déc. 2026".
  const created = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium' }).format(
    Date.parse(workshop.createdAt),
  );
  return (
    <article className="workshop-card" data-testid="home.workshop" data-id={workshop.id}>
      <h2 className="workshop-card__title">
        <a
          href={path}
          data-testid="home.workshop.open"
          onClick={(event) => {
            // A new tab or window opens it as well: the token is in this browser's storage.
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            navigate(path);
          }}
        >
          {workshop.title}
        </a>
      </h2>
      <p className="workshop-card__territory">
        {workshop.territory.name}
        <span className="workshop-card__kind"> · {t(`territory.${workshop.territory.kind}`)}</span>
      </p>
      {workshop.steps && <StepList steps={workshop.steps} />}
      <p className="workshop-card__dates">
        <span>{t('home.workshops.created', { date: created })}</span>
        <span title={opened.full}>{t('home.workshops.opened', { when: opened.text })}</span>
      </p>
      <button
        type="button"
        className="button button--small workshop-card__forget"
        data-testid="home.workshop.forget"
        aria-label={t('home.workshops.forgetLabel', { title: workshop.title })}
        onClick={onForget}
      >
        {t('home.workshops.forget')}
      </button>
    </article>
  );
}

/** The workshop's steps: "the six steps", or their numbers and names. */
function StepList({ steps }: { steps: readonly Step[] }) {
  const t = useT();
  if (steps.length === STEPS.length) {
    return <p className="workshop-card__steps">{t('home.workshops.allSteps')}</p>;
  }
  return (
    <ul className="workshop-card__steps" aria-label={t('home.workshops.steps')}>
      {steps.map((step) => (
        <li key={step} className="workshop-card__step">
          <span className="workshop-card__step-number" aria-hidden="true">
            {STEPS.indexOf(step) + 1}
          </span>
          {t(`steps.${step}`)}
        </li>
      ))}
    </ul>
  );
}

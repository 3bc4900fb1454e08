import { useState } from 'react';
import { useT } from '../../../i18n/locale';
import { navigate } from '../../../routing/router';
import { strategyPath } from '../../../routing/routes';
import { forgetStrategy, type RememberedStrategy } from '../../../session/remembered';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { timeAgo } from '../../../ui/timeAgo';

/**
 * The strategies this browser holds the facilitator link of, latest opened first: each opens
 * its strategy page (its sessions, a new session, what changed). Forgetting asks first and
 * says the strategy itself stays.
 */
export function StrategyList({
  strategies,
  onChange,
}: {
  strategies: readonly RememberedStrategy[];
  onChange: () => void;
}) {
  const t = useT();
  const [now] = useState(Date.now);
  const [forgetting, setForgetting] = useState<RememberedStrategy | null>(null);
  const title = (strategy: RememberedStrategy) => strategy.title ?? t('home.strategies.untitled');
  return (
    <section className="home__strategies" aria-labelledby="home-strategies-heading">
      <h2 id="home-strategies-heading">{t('home.strategies.heading')}</h2>
      <ul className="remembered" data-testid="home.strategies">
        {strategies.map((strategy) => {
          const path = strategyPath(strategy.id);
          // A strategy kept before this browser noted when it was opened reads as opened at the epoch: no date.
          const openedAt = Date.parse(strategy.lastOpenedAt);
          const opened = openedAt > 0 ? timeAgo(openedAt, now, t.locale) : null;
          return (
            <li key={strategy.id} className="remembered__item">
              <article className="workshop-card" data-testid="home.strategy" data-id={strategy.id}>
                <p className="workshop-card__eyebrow">{t('strategy.eyebrow')}</p>
                <h3 className="workshop-card__title">
                  <a
                    href={path}
                    data-testid="home.strategy.open"
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      navigate(path);
                    }}
                  >
                    {title(strategy)}
                  </a>
                </h3>
                {opened && (
                  <p className="workshop-card__dates">
                    <span title={opened.full}>{t('home.workshops.opened', { when: opened.text })}</span>
                  </p>
                )}
                <button
                  type="button"
                  className="button button--small workshop-card__forget"
                  data-testid="home.strategy.forget"
                  aria-label={t('home.workshops.forgetLabel', { title: title(strategy) })}
                  onClick={() => setForgetting(strategy)}
                >
                  {t('home.workshops.forget')}
                </button>
              </article>
            </li>
          );
        })}
      </ul>
      {forgetting && (
        <ConfirmDialog
          testId="home.strategy.forgetConfirm"
          title={t('home.workshops.forgetHeading', { title: title(forgetting) })}
          text={t('home.strategies.forgetText')}
          confirmLabel={t('home.workshops.forgetConfirm')}
          cancelLabel={t('home.workshops.forgetCancel')}
          onCancel={() => setForgetting(null)}
          onConfirm={() => {
            forgetStrategy(forgetting.id);
            setForgetting(null);
            onChange();
          }}
        />
      )}
    </section>
  );
}

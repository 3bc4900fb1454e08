import { type ReactNode, useEffect, useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { loadRemembered, rememberedStrategies } from '../../../session/remembered';
import { focusSoon } from '../../../ui/focusSoon';
import { Icon } from '../../../ui/Icon';
import { Screen } from '../../../ui/Screen';
import { ImportStrategyForm } from '../../outputs/export/ImportStrategyForm';
import { deletedWorkshopTitle } from '../../privacy/DeleteWorkshop';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { FacilitatorLinkForm } from './FacilitatorLinkForm';
import { JoinCodeForm } from './JoinCodeForm';
import { EMPTY_HEADING_ID, RememberedList } from './RememberedList';
import { StrategyList } from './StrategyList';

/** The workshops and strategies this browser remembers, read again when another tab changes them. */
function useRemembered() {
  const [entries, setEntries] = useState(loadRemembered);
  const [strategies, setStrategies] = useState(() => rememberedStrategies());
  const reload = () => {
    setEntries(loadRemembered());
    setStrategies(rememberedStrategies());
  };
  useEffect(() => {
    const onStorage = () => {
      setEntries(loadRemembered());
      setStrategies(rememberedStrategies());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return { entries, strategies, reload };
}

/**
 * `/`: a facilitator with workshops on this browser lands on their list ("Nouvel atelier" one
 * click away); anyone else finds joining with a code beside creating a workshop, and how to get
 * their workshops back here.
 */
export function HomePage() {
  const t = useT();
  const [deleted] = useState(deletedWorkshopTitle);
  const { entries, strategies, reload } = useRemembered();
  const deletedNotice = deleted !== null && (
    <p className="card home__deleted" role="status" data-testid="home.deleted">
      {t('home.workshopDeleted', { title: deleted })}
    </p>
  );
  const join = (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('home.joinHeading')}</h2>
      <p className="muted">{t('home.joinIntro')}</p>
      <JoinCodeForm />
    </section>
  );
  const importCard = (
    <section className="card home__import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('export.import.heading')}</h2>
      <p className="muted">{t('export.import.intro')}</p>
      <ImportStrategyForm />
    </section>
  );

  if (entries.length > 0 || strategies.length > 0) {
    return (
      <Screen wide>
        <div className="home home--dashboard">
          {deletedNotice}
          <MyWorkshops>
            <RememberedList entries={entries} onChange={reload} />
          </MyWorkshops>
          {strategies.length > 0 && <StrategyList strategies={strategies} onChange={reload} />}
          {join}
          {importCard}
        </div>
      </Screen>
    );
  }
  return (
    <Screen wide>
      <div className="home">
        <div className="home__intro">
          <h1>{t('app.name')}</h1>
          <p className="lead">{t('app.tagline')}</p>
        </div>
        {deletedNotice}
        {join}
        <section className="card home__create" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('home.createHeading')}</h2>
          <p className="muted">{t('home.createIntro')}</p>
          <CreateWorkshopForm />
        </section>
        {importCard}
        <section className="card home__empty" aria-labelledby={EMPTY_HEADING_ID} data-testid="home.empty">
          <h2 id={EMPTY_HEADING_ID} tabIndex={-1}>
            {t('home.workshops.heading')}
          </h2>
          <p className="muted">{t('home.empty.text')}</p>
          <FacilitatorLinkForm />
        </section>
      </div>
    </Screen>
  );
}

/**
 * The dashboard's main section: its heading, "Nouvel atelier" (which unfolds the creation form
 * above the list, its first field focused), then the list.
 */
function MyWorkshops({ children }: { children: ReactNode }) {
  const t = useT();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const formId = `${id}-create`;
  return (
    <section className="home__workshops" aria-labelledby={`${id}-heading`}>
      <div className="home__workshops-head">
        <h1 id={`${id}-heading`}>{t('home.workshops.heading')}</h1>
        <button
          type="button"
          className={creating ? 'button' : 'button button--primary'}
          data-testid="home.new"
          aria-expanded={creating}
          aria-controls={creating ? formId : undefined}
          onClick={() => {
            setCreating(!creating);
            if (!creating) focusSoon('[data-testid="home.title"]');
          }}
        >
          {creating ? (
            t('home.workshops.cancelNew')
          ) : (
            <>
              <Icon name="plus" size={18} />
              {t('home.workshops.new')}
            </>
          )}
        </button>
      </div>
      <p className="muted home__workshops-intro">{t('home.workshops.intro')}</p>
      {creating && (
        <section id={formId} className="card home__create" aria-labelledby={`${id}-create-heading`}>
          <h2 id={`${id}-create-heading`}>{t('home.createHeading')}</h2>
          <p className="muted">{t('home.createIntro')}</p>
          <CreateWorkshopForm />
        </section>
      )}
      {children}
      <details className="home__link">
        <summary>{t('home.link.more')}</summary>
        <FacilitatorLinkForm />
      </details>
    </section>
  );
}

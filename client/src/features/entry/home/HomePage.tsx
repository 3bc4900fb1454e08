import { useState } from 'react';
import { useT } from '../../../i18n/locale';
import { Screen } from '../../../ui/Screen';
import { ImportStrategyForm } from '../../outputs/export/ImportStrategyForm';
import { deletedWorkshopTitle } from '../../privacy/DeleteWorkshop';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { JoinCodeForm } from './JoinCodeForm';

export function HomePage() {
  const t = useT();
  const [deleted] = useState(deletedWorkshopTitle);
  return (
    <Screen wide>
      <div className="home">
        <div className="home__intro">
          <h1>{t('app.name')}</h1>
          <p className="lead">{t('app.tagline')}</p>
        </div>
        {deleted !== null && (
          <p className="card home__deleted" role="status" data-testid="home.deleted">
            {t('home.workshopDeleted', { title: deleted })}
          </p>
        )}
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t('home.joinHeading')}</h2>
          <p className="muted">{t('home.joinIntro')}</p>
          <JoinCodeForm />
        </section>
        <section className="card home__create" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('home.createHeading')}</h2>
          <p className="muted">{t('home.createIntro')}</p>
          <CreateWorkshopForm />
        </section>
        <section className="card home__import" aria-labelledby="import-heading">
          <h2 id="import-heading">{t('export.import.heading')}</h2>
          <p className="muted">{t('export.import.intro')}</p>
          <ImportStrategyForm />
        </section>
      </div>
    </Screen>
  );
}

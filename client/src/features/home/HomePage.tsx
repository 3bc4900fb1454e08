import { useT } from '../../i18n/locale';
import { Screen } from '../../ui/Screen';
import { CreateWorkshopForm } from './CreateWorkshopForm';
import { JoinCodeForm } from './JoinCodeForm';

export function HomePage() {
  const t = useT();
  return (
    <Screen wide>
      <div className="home">
        <div className="home__intro">
          <h1>{t('app.name')}</h1>
          <p className="lead">{t('app.tagline')}</p>
        </div>
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t('home.joinHeading')}</h2>
          <p className="muted">{t('home.joinIntro')}</p>
          <JoinCodeForm />
        </section>
        <section className="card" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('home.createHeading')}</h2>
          <p className="muted">{t('home.createIntro')}</p>
          <CreateWorkshopForm />
        </section>
      </div>
    </Screen>
  );
}

import { BoardPage } from '../features/board/BoardPage';
import { HomePage } from '../features/home/HomePage';
import { JoinPage } from '../features/join/JoinPage';
import { useT } from '../i18n/locale';
import { MessageCard, Screen } from '../ui/Screen';
import { useRoute } from './router';

export function App() {
  const t = useT();
  const route = useRoute();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      {route.name === 'home' && <HomePage />}
      {route.name === 'join' && <JoinPage key={route.code} code={route.code} />}
      {route.name === 'board' && <BoardPage key={route.workshopId} workshopId={route.workshopId} />}
      {route.name === 'notFound' && (
        <Screen>
          <MessageCard title={t('app.name')} text={t('app.notFound')} />
        </Screen>
      )}
    </>
  );
}

import { lazy, Suspense } from 'react';
import { HomePage } from '../features/home/HomePage';
import { JoinPage } from '../features/join/JoinPage';
import { WrongLink } from '../features/join/WrongLink';
import { useT } from '../i18n/locale';
import { Screen } from '../ui/Screen';
import { useRoute } from './router';

// The board (Yjs, sync, drag and drop) loads on its own: the home and join pages stay light on venue Wi-Fi.
const BoardPage = lazy(() => import('../features/board/BoardPage').then((m) => ({ default: m.BoardPage })));

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
      {route.name === 'board' && (
        <Suspense
          fallback={
            <Screen>
              <p className="muted">{t('board.loading')}</p>
            </Screen>
          }
        >
          <BoardPage key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      )}
      {route.name === 'notFound' && (
        <Screen>
          <WrongLink kind="unknownPage" />
        </Screen>
      )}
    </>
  );
}

import { lazy, Suspense } from 'react';
import { HomePage } from '../features/entry/home/HomePage';
import { JoinPage } from '../features/entry/join/JoinPage';
import { WrongLink } from '../features/entry/join/WrongLink';
import { useT } from '../i18n/locale';
import { useRoute } from '../routing/router';
import { Screen } from '../ui/Screen';

// The board (Yjs, sync, drag and drop) loads on its own: the home and join pages stay light on venue Wi-Fi.
const BoardPage = lazy(() => import('../workshop/BoardPage').then((m) => ({ default: m.BoardPage })));
// The strategy page too: only facilitators of a strategy need it.
const StrategyPage = lazy(() =>
  import('../features/strategy/StrategyPage').then((m) => ({ default: m.StrategyPage })),
);

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
      {route.name === 'strategy' && (
        <Suspense
          fallback={
            <Screen>
              <p className="muted">{t('common.loading')}</p>
            </Screen>
          }
        >
          <StrategyPage key={route.strategyId} strategyId={route.strategyId} />
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

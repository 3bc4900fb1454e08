import { CLOSE_CODES } from '@atelier/shared';
import { useEffect } from 'react';
import { JoinCodeForm } from '../features/entry/home/JoinCodeForm';
import { useT } from '../i18n/locale';
import { navigate } from '../routing/router';
import { joinPath } from '../routing/routes';
import { forgetWorkshop } from '../session/remembered';
import { MessageCard, Screen } from '../ui/Screen';

interface Props {
  workshopId: string;
  code: number;
  joinCode: string | undefined;
}

/** Codes after which this browser's token is dead: forget it (and the facilitator's home entry). */
const DEAD_TOKEN: ReadonlySet<number> = new Set([
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.removed,
  CLOSE_CODES.workshopDeleted,
]);

/** The server closed the connection for good (refused token, removed, unknown room…): say so and what next. */
export function ClosedScreen({ workshopId, code, joinCode }: Props) {
  const t = useT();
  useEffect(() => {
    if (DEAD_TOKEN.has(code)) forgetWorkshop(workshopId);
  }, [code, workshopId]);
  if (code === CLOSE_CODES.removed || code === CLOSE_CODES.workshopDeleted) {
    // No "join again" here: the facilitator chose to remove this person, or to delete the workshop.
    const deleted = code === CLOSE_CODES.workshopDeleted;
    return (
      <Screen>
        <MessageCard
          title={t(deleted ? 'session.deletedHeading' : 'session.removedHeading')}
          text={t(deleted ? 'session.deletedText' : 'session.removedText')}
        >
          <div data-testid="connection.closed" data-code={code}>
            <a
              className="button"
              href="/"
              onClick={(event) => {
                event.preventDefault();
                navigate('/');
              }}
            >
              {t('common.backHome')}
            </a>
          </div>
        </MessageCard>
      </Screen>
    );
  }
  const text =
    code === CLOSE_CODES.forbiddenOrigin
      ? t('session.closedOrigin')
      : code === CLOSE_CODES.unknownRoom
        ? t('session.closedUnknown')
        : code === CLOSE_CODES.roomDamaged
          ? t('session.closedDamaged')
          : t('session.closedUnauthorized');
  return (
    <Screen>
      <MessageCard title={t('session.closedHeading')} text={text}>
        <div data-testid="connection.closed" data-code={code}>
          {joinCode ? (
            <a
              className="button button--primary"
              href={joinPath(joinCode)}
              onClick={(event) => {
                event.preventDefault();
                navigate(joinPath(joinCode));
              }}
            >
              {t('session.rejoin')}
            </a>
          ) : (
            <JoinCodeForm autoFocus />
          )}
        </div>
      </MessageCard>
    </Screen>
  );
}

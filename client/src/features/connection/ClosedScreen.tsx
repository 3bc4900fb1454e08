import { CLOSE_CODES } from '@atelier/shared';
import { useEffect } from 'react';
import { navigate } from '../../app/router';
import { joinPath } from '../../app/routes';
import { useT } from '../../i18n/locale';
import { clearSession } from '../../session/session';
import { MessageCard, Screen } from '../../ui/Screen';
import { JoinCodeForm } from '../home/JoinCodeForm';

interface Props {
  workshopId: string;
  code: number;
  joinCode: string | undefined;
}

/** The server closed the connection for good (refused token, unknown room…): say so, offer to join again. */
export function ClosedScreen({ workshopId, code, joinCode }: Props) {
  const t = useT();
  useEffect(() => {
    if (code === CLOSE_CODES.unauthorized) clearSession(workshopId);
  }, [code, workshopId]);
  const text =
    code === CLOSE_CODES.forbiddenOrigin
      ? t('session.closedOrigin')
      : code === CLOSE_CODES.unknownRoom
        ? t('session.closedUnknown')
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

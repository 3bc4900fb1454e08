import { useT } from '../i18n/locale';
import { useBoard } from '../state/store';

/**
 * Connected / reconnecting / offline, how many of your edits wait for the network, and a word
 * when the server keeps closing the connection for sending too much.
 */
export function ConnectionIndicator() {
  const t = useT();
  const { status, pending, rateLimited } = useBoard((s) => s.connection);
  return (
    <div className={`connection connection--${status}`} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <span data-testid="connection.status" data-status={status}>
        {t(`connection.${status}`)}
      </span>
      {pending > 0 && (
        <span className="connection__pending" title={t('connection.pendingHint')}>
          <span className="visually-hidden">, </span>
          <span data-testid="connection.pending">{pending}</span>{' '}
          {t.plural('connection.pendingWord', pending)}
        </span>
      )}
      {rateLimited && (
        <span
          className="connection__pending"
          data-testid="connection.rateLimited"
          title={t('connection.rateLimitedHint')}
        >
          <span className="visually-hidden">, </span>
          {t('connection.rateLimited')}
          <span className="visually-hidden">. {t('connection.rateLimitedHint')}</span>
        </span>
      )}
    </div>
  );
}

import { useT } from '../i18n/locale';
import { useBoard } from '../state/store';

/** Connected / reconnecting / offline, and how many of your edits wait for the network. */
export function ConnectionIndicator() {
  const t = useT();
  const { status, pending } = useBoard((s) => s.connection);
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
    </div>
  );
}

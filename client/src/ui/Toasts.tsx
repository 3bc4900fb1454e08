import { useT } from '../i18n/locale';
import { useBoard } from '../state/store';
import { Icon } from './Icon';

/** Short messages (refused change, copied link…), announced politely to screen readers. */
export function Toasts() {
  const t = useT();
  const toasts = useBoard((s) => s.toasts);
  const dismiss = useBoard((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.kind}`} data-testid="toast">
          <span>{toast.message}</span>
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={t('toast.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}

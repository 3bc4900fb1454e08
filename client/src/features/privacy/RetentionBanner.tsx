import { useMemo } from 'react';
import { localeStore, useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { retentionWarning } from './retentionWarning';

/**
 * The facilitator's warning in the last week before retention would have deleted the workshop.
 * Honest about the clock: this visit counts as activity, so it says when deletion was due and
 * to when the visit postponed it.
 */
export function RetentionBanner() {
  const t = useT();
  const locale = localeStore((s) => s.locale);
  const retention = useBoard((s) => s.workshop?.retention);
  const warning = useMemo(() => (retention ? retentionWarning(retention, Date.now()) : null), [retention]);
  if (!warning) return null;
  const day = (ms: number) =>
    new Date(ms).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <div className="readonly retention-warning" data-testid="board.retention" role="status">
      {t('retention.warning', {
        since: day(warning.since),
        due: day(warning.due),
        postponed: day(warning.postponed),
      })}
    </div>
  );
}

import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';

/**
 * In the share panel, after the invitation: the way to the follow-up page, shared with the
 * participants after the workshop like the join link before it.
 */
export function FollowUpEntry() {
  const t = useT();
  const setSidePanel = useBoard((s) => s.setSidePanel);
  return (
    <section className="follow-up-entry" aria-labelledby="follow-up-entry-heading">
      <h3 id="follow-up-entry-heading" className="share-panel__label">
        {t('followUp.entry.heading')}
      </h3>
      <p className="share-panel__help">{t('followUp.entry.text')}</p>
      <button
        type="button"
        className="button"
        data-testid="followUp.toggle"
        onClick={() => setSidePanel('followUp')}
      >
        {t('followUp.toggle')}
      </button>
    </section>
  );
}

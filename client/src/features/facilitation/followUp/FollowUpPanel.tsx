import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { Checkbox } from '../../../ui/Checkbox';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SidePanel } from '../../../ui/SidePanel';
import { PublishedLink } from './PublishedLink';
import { StatusImportForm } from './StatusImportForm';
import { useFollowUp } from './useFollowUp';

interface Props {
  workshopId: string;
  token: string;
  onClose: () => void;
}

/**
 * "Page de suivi publique" (facilitators): publish the read-only page where each participant
 * follows what became of their contribution, with or without authors' names; its link, QR code
 * and "open"; take it down; and update the actions' progress from a CSV.
 */
export function FollowUpPanel({ workshopId, token, onClose }: Props) {
  const t = useT();
  const followUp = useFollowUp(workshopId, token);
  const { state, done } = followUp;
  const [confirming, setConfirming] = useState(false);
  const linkRef = useRef<HTMLElement>(null);
  const publishRef = useRef<HTMLButtonElement>(null);
  // The button pressed is gone once the page is published or taken down: the focus goes to what replaced it.
  useEffect(() => {
    if (done === 'published') linkRef.current?.focus();
    if (done === 'takenDown') publishRef.current?.focus();
  }, [done]);

  const published = state?.published === true && state.url !== null;
  return (
    <SidePanel
      className="follow-up-panel"
      testId="followUp.panel"
      headingId="follow-up-heading"
      heading={t('followUp.heading')}
      closeTestId="followUp.close"
      onClose={onClose}
      escapeCloses={!confirming}
    >
      <p className="follow-up-panel__intro">{t('followUp.intro')}</p>
      <section className="follow-up-panel__section" aria-labelledby="follow-up-publication">
        <h3 id="follow-up-publication" className="share-panel__label">
          {t('followUp.publication')}
        </h3>
        {state === null ? (
          followUp.failure === null && <p className="follow-up-panel__hint">{t('common.loading')}</p>
        ) : (
          <p
            className={`follow-up-panel__state${published ? ' follow-up-panel__state--on' : ''}`}
            data-testid="followUp.state"
            data-published={published}
          >
            {published && state.publishedAt
              ? t('followUp.state.on', { date: formatDate(state.publishedAt, t.locale) })
              : t('followUp.state.off')}
          </p>
        )}
        {state !== null && (
          <Checkbox
            label={t('followUp.showNames')}
            hint={t('followUp.showNamesHint')}
            checked={followUp.showNames}
            onChange={(on) => void followUp.setShowNames(on)}
            testId="followUp.showNames"
          />
        )}
        {state !== null && !published && (
          <button
            ref={publishRef}
            type="button"
            className="button button--primary"
            data-testid="followUp.publish"
            disabled={followUp.busy}
            onClick={() => void followUp.publish()}
          >
            {t('followUp.publish')}
          </button>
        )}
        {published && state.url && (
          <>
            <PublishedLink url={state.url} linkRef={linkRef} />
            <button
              type="button"
              className="button follow-up-panel__takeDown"
              data-testid="followUp.takeDown"
              disabled={followUp.busy}
              onClick={() => setConfirming(true)}
            >
              {t('followUp.takeDown')}
            </button>
          </>
        )}
        <p className="visually-hidden" role="status" data-testid="followUp.done">
          {done ? t(`followUp.done.${done}`) : ''}
        </p>
        {followUp.failure !== null && (
          <p className="form-error" role="alert" data-testid="followUp.error">
            {followUp.failure}
          </p>
        )}
      </section>
      <StatusImportForm workshopId={workshopId} token={token} />
      {confirming && (
        <ConfirmDialog
          testId="followUp.confirm"
          title={t('followUp.confirmHeading')}
          text={t('followUp.confirmText')}
          confirmLabel={t('followUp.confirm')}
          cancelLabel={t('followUp.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void followUp.takeDown();
          }}
        />
      )}
    </SidePanel>
  );
}

/** "3 déc. 2026, 14:05": the day and time of publication, in the screen's language. */
function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

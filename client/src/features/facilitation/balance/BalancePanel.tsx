import { participationBalance } from '@atelier/shared';
import { useMemo } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { useT } from '../../../i18n/locale';
import { usePresence } from '../../../state/presenceStores';
import { useBoard } from '../../../state/store';
import { SidePanel } from '../../../ui/SidePanel';
import { BalanceTable } from './BalanceTable';
import { balanceCalm, balanceRows, silentAlerts } from './balanceView';
import { useParticipation } from './useParticipation';

interface Props {
  workshopId: string;
  token: string;
  onClose: () => void;
}

/**
 * "Équilibre des collèges" (facilitators): per participant group, who is here, who contributed
 * in the room's step and who voted in the current round, and an alert, announced, for each
 * group here that has not contributed. Read from the server every 5 s while open; presence live.
 */
export function BalancePanel({ workshopId, token, onClose }: Props) {
  const t = useT();
  const step = useBoard((s) => s.control.step);
  const { participation, error } = useParticipation(workshopId, token, step);
  const people = usePresence((s) => s.people);
  const here = useMemo(() => new Set(people.map((p) => p.participantId)), [people]);
  const lines = useMemo(
    () => (participation ? participationBalance(participation, here) : null),
    [participation, here],
  );
  const stepName = t(`steps.${step}`);
  const calm = lines && balanceCalm(lines);
  const round = participation?.round ?? null;

  return (
    <SidePanel
      className="balance-panel"
      testId="balance.panel"
      headingId="balance-heading"
      heading={t('balance.heading')}
      closeTestId="balance.close"
      onClose={onClose}
    >
      <dl className="balance-panel__context">
        <div>
          <dt>{t('balance.step')}</dt>
          <dd data-testid="balance.step">{stepName}</dd>
        </div>
        <div>
          <dt>{t('balance.round')}</dt>
          <dd data-testid="balance.round">{round ? round.title : t('balance.noRound')}</dd>
        </div>
      </dl>
      {/* Always in the page, so that a new alert is announced when it appears. */}
      <div className="balance-panel__status" role="status" aria-live="polite" data-testid="balance.status">
        {lines &&
          silentAlerts(lines).map((alert) => (
            <p
              key={alert.group}
              className="balance-alert"
              data-testid="balance.alert"
              data-group={alert.group}
            >
              {t.plural(alert.stem, alert.here)}
            </p>
          ))}
        {calm && (
          <p className={`balance-calm balance-calm--${calm}`} data-testid="balance.calm" data-calm={calm}>
            {t(`balance.calm.${calm}`)}
          </p>
        )}
      </div>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="balance.error">
          {errorMessage(t, error)}
        </p>
      )}
      {lines === null
        ? error === null && <p className="balance-panel__hint">{t('common.loading')}</p>
        : lines.length > 0 && (
            <BalanceTable
              rows={balanceRows(lines)}
              voting={round !== null}
              caption={t('balance.caption', { step: stepName })}
            />
          )}
      <p className="balance-panel__hint">{t('balance.hint')}</p>
    </SidePanel>
  );
}

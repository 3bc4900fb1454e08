import { isOwner } from '@atelier/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { createStrategy } from '../../api/strategies';
import { useT } from '../../i18n/locale';
import { updateSession } from '../../session/session';
import { openStrategy } from '../../session/strategySession';
import { boardStore, useBoard } from '../../state/store';

/**
 * The board panel's section for a standalone workshop's creator: make it session 1 of a new
 * strategy (`POST /api/strategies` with `fromWorkshop`), then go to the strategy's page. Its
 * people keep their tokens; nothing changes for them. Hidden once the workshop is a session.
 */
export function MakeStrategySection({
  workshopId,
  token,
  strategyId,
}: {
  workshopId: string;
  token: string;
  strategyId: string | undefined;
}) {
  const t = useT();
  const id = useId();
  const workshop = useBoard((s) => s.workshop);
  const [busy, setBusy] = useState(false);
  if (strategyId || !workshop || !isOwner({ ...workshop.you })) return null;

  const make = async () => {
    setBusy(true);
    try {
      const created = await createStrategy({ fromWorkshop: workshopId }, token);
      updateSession(workshopId, { strategyId: created.strategy.id });
      openStrategy(created.strategy.id, created.facilitatorToken, created.strategy.title);
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="board-panel__strategy" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="share-panel__label">
        {t('strategy.fromWorkshop.heading')}
      </h3>
      <p className="board-panel__hint">{t('strategy.fromWorkshop.hint')}</p>
      <button
        type="button"
        className="button"
        data-testid="boardPanel.makeStrategy"
        disabled={busy}
        onClick={() => void make()}
      >
        {busy ? t('strategy.fromWorkshop.creating') : t('strategy.fromWorkshop.button')}
      </button>
    </section>
  );
}

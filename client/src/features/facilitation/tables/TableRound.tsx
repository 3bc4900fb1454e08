import { endTableRound, MINUTE_MS, newTimer, setTimer, startTableRound, startTimer } from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { serverNow } from '../../../state/serverClock';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { Checkbox } from '../../../ui/Checkbox';
import { SidePanelToggle } from '../../../ui/SidePanelToggle';

/** Durations offered for the round's timer (minutes); the room's one timer, the same for every table. */
const ROUND_MINUTES = [5, 10, 15, 20, 30, 45] as const;

/**
 * The table round (French: travail en tables): the facilitator starts it on the room's step,
 * with open or closed tables and optionally the timer, and ends it ("Retour en plénière").
 */
export function TableRoundForm({ hasTables }: { hasTables: boolean }) {
  const t = useT();
  const doc = useConnection().controlDoc;
  const round = useBoard((s) => s.tables.round);
  const step = useBoard((s) => s.control.step);
  const [closed, setClosed] = useState(false);
  const [minutes, setMinutes] = useState(0);
  const timerId = useId();
  if (round) {
    return (
      <section className="tables-panel__round tables-panel__round--on" data-testid="tables.round">
        <p>
          {t('tables.roundOn', { step: t(`steps.${round.step}`) })}{' '}
          {t(round.closed ? 'tables.closedOn' : 'tables.openOn')}
        </p>
        <EndRoundButton />
      </section>
    );
  }
  const start = () => {
    startTableRound(doc, step, { closed });
    if (minutes > 0)
      setTimer(
        doc,
        startTimer(newTimer({ durationMs: minutes * MINUTE_MS, freezeAtEnd: false }), serverNow()),
      );
  };
  return (
    <section className="tables-panel__round" data-testid="tables.round">
      <Checkbox
        label={t('tables.closed')}
        hint={t('tables.closedHint')}
        checked={closed}
        onChange={setClosed}
        testId="tables.closed"
      />
      <div className="tables-panel__timer">
        <label htmlFor={timerId}>{t('tables.timer')}</label>
        <select
          id={timerId}
          value={minutes}
          data-testid="tables.timer"
          onChange={(event) => setMinutes(Number(event.target.value))}
        >
          <option value={0}>{t('tables.noTimer')}</option>
          {ROUND_MINUTES.map((m) => (
            <option key={m} value={m}>
              {t('tables.minutes', { n: m })}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button--primary"
        data-testid="tables.start"
        disabled={!hasTables}
        onClick={start}
      >
        {t('tables.start')}
      </button>
      {!hasTables && <p className="tables-panel__hint">{t('tables.startNeedsTables')}</p>}
    </section>
  );
}

/** Back to the plenary: everyone sees every table's items again. */
export function EndRoundButton({ testId = 'tables.end' }: { testId?: string }) {
  const t = useT();
  const doc = useConnection().controlDoc;
  return (
    <button
      type="button"
      className="button button--primary"
      data-testid={testId}
      onClick={() => endTableRound(doc)}
    >
      {t('tables.end')}
    </button>
  );
}

/** The facilitator's bar: the tables panel's button, and "Retour en plénière" while a round runs. */
export function TablesToggle() {
  const t = useT();
  const round = useBoard((s) => s.tables.round !== null);
  return (
    <>
      {round && <EndRoundButton testId="tables.endBar" />}
      <SidePanelToggle panel="tables" testId="tables.toggle">
        {t('tables.toggle')}
      </SidePanelToggle>
    </>
  );
}

import {
  keepTopAxes,
  type PublicRound,
  prioritiseActionsByResult,
  type RoundResults,
  rankIssuesByResult,
} from '@atelier/shared';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, canEdit } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { FieldWithError } from '../../../ui/FieldWithError';
import { ConfirmInBody } from './ConfirmInBody';
import { defaultKeep, keepCount, votedOnBoard } from './model';
import { useLiveTargets } from './useLiveTargets';

/** The facilitator turns the result into a board change: one undoable step. */
export function ApplyResult({ round, results }: { round: PublicRound; results: RoundResults }) {
  const t = useT();
  const connection = useConnection();
  const live = useLiveTargets(round.targetKind);
  const axesVoted = votedOnBoard(results, live);
  const [keep, setKeep] = useState(defaultKeep(axesVoted));
  const [keepError, setKeepError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const keepId = useId();
  if (round.targetKind === 'notes') return null;

  const apply = (run: () => void) => {
    if (!canEdit(boardStore.getState())) {
      boardStore.getState().toast('error', t('votes.apply.readOnly'));
      return;
    }
    connection.stopCapturing();
    run();
    connection.stopCapturing();
    boardStore.getState().toast('success', t('votes.apply.done'));
  };

  const askKeep = () => {
    const n = keepCount(keep, axesVoted);
    if (n === null) {
      setKeepError(t('votes.apply.keepError', { max: axesVoted }));
      return;
    }
    setKeepError(null);
    if (n >= axesVoted) apply(() => keepTopAxes(connection.boardDoc, results, n));
    else setConfirming(n);
  };

  return (
    <section className="results-apply" aria-labelledby="results-apply" data-testid="votes.apply">
      <h3 id="results-apply">{t('votes.apply.heading')}</h3>
      {round.targetKind === 'issues' && (
        <button
          type="button"
          className="button button--primary"
          data-testid="votes.apply-issues"
          onClick={() => apply(() => rankIssuesByResult(connection.boardDoc, results))}
        >
          {t('votes.apply.issues')}
        </button>
      )}
      {round.targetKind === 'actions' && (
        <button
          type="button"
          className="button button--primary"
          data-testid="votes.apply-actions"
          onClick={() => apply(() => prioritiseActionsByResult(connection.boardDoc, results))}
        >
          {t('votes.apply.actions')}
        </button>
      )}
      {round.targetKind === 'axes' && (
        <div className="results-apply__keep">
          <label htmlFor={keepId}>{t('votes.apply.keepLabel')}</label>
          <FieldWithError error={keepError}>
            {(errorProps) => (
              <input
                id={keepId}
                className="input results-apply__number"
                inputMode="numeric"
                value={keep}
                onChange={(event) => setKeep(event.target.value)}
                data-testid="votes.apply-keep"
                {...errorProps}
              />
            )}
          </FieldWithError>
          <button
            type="button"
            className="button button--primary"
            data-testid="votes.apply-axes"
            onClick={askKeep}
          >
            {t('votes.apply.axes', { n: keep.trim() || '…' })}
          </button>
        </div>
      )}
      <p className="hint">{t('votes.apply.hint')}</p>
      {confirming !== null && (
        <ConfirmInBody
          testId="votes.apply-confirm"
          title={t('votes.apply.confirmTitle', { n: confirming })}
          text={t.plural('votes.apply.confirmText', axesVoted - confirming)}
          confirmLabel={t('votes.apply.confirm')}
          cancelLabel={t('votes.cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const n = confirming;
            setConfirming(null);
            apply(() => keepTopAxes(connection.boardDoc, results, n));
          }}
        />
      )}
    </section>
  );
}

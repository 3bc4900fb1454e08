import { useT } from '../../../i18n/locale';
import { DraftInput } from './DraftFields';
import type { DraftEditing } from './useNewRoundForm';

/**
 * The decision options of any mode (docs/votes.md, "Rounds"): a quorum per group before the
 * reveal, with its percent, and the result where each group weighs the same, each said in a line.
 */
export function RoundDecisionFieldset({ formId, draft, update, error }: DraftEditing & { formId: string }) {
  const t = useT();
  const quorumHint = `${formId}-quorum-hint`;
  const weightingHint = `${formId}-weighting-hint`;
  return (
    <fieldset className="round-form__group round-decision" data-testid="votes.form.decision">
      <legend>{t('votes.form.decision')}</legend>
      <div className="round-decision__option">
        <div className="round-decision__quorum">
          <label className="round-form__choice">
            <input
              type="checkbox"
              checked={draft.quorumOn}
              data-testid="votes.form.quorum"
              aria-describedby={quorumHint}
              onChange={(event) => update({ quorumOn: event.target.checked })}
            />
            <span>{t('votes.form.quorum')}</span>
          </label>
          <span className="round-decision__percent">
            <label htmlFor={`${formId}-quorum-percent`} className="visually-hidden">
              {t('votes.form.quorumPercent')}
            </label>
            <DraftInput
              id={`${formId}-quorum-percent`}
              inputMode="numeric"
              value={draft.quorumPercent}
              disabled={!draft.quorumOn}
              maxLength={5}
              data-testid="votes.form.quorum-percent"
              error={draft.quorumOn ? error('quorumPercent') : null}
              errorTestId="votes.form.quorum-error"
              onChange={(quorumPercent) => update({ quorumPercent })}
            />
            <span aria-hidden="true">%</span>
          </span>
        </div>
        <p id={quorumHint} className="hint round-decision__hint">
          {t('votes.form.quorumHint')}
        </p>
      </div>
      <div className="round-decision__option">
        <label className="round-form__choice">
          <input
            type="checkbox"
            checked={draft.collegeWeighting}
            data-testid="votes.form.weighting"
            aria-describedby={weightingHint}
            onChange={(event) => update({ collegeWeighting: event.target.checked })}
          />
          <span>{t('votes.form.weighting')}</span>
        </label>
        <p id={weightingHint} className="hint round-decision__hint">
          {t('votes.form.weightingHint')}
        </p>
      </div>
    </fieldset>
  );
}

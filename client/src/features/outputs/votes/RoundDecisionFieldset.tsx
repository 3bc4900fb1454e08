import type { ReactNode } from 'react';
import { useT } from '../../../i18n/locale';
import { DraftChoice, DraftInput } from './DraftFields';
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
      <DecisionOption hintId={quorumHint} hint={t('votes.form.quorumHint')}>
        <div className="round-decision__quorum">
          <DraftChoice
            type="checkbox"
            checked={draft.quorumOn}
            testId="votes.form.quorum"
            describedBy={quorumHint}
            onChange={(quorumOn) => update({ quorumOn })}
          >
            <span>{t('votes.form.quorum')}</span>
          </DraftChoice>
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
      </DecisionOption>
      <DecisionOption hintId={weightingHint} hint={t('votes.form.weightingHint')}>
        <DraftChoice
          type="checkbox"
          checked={draft.collegeWeighting}
          testId="votes.form.weighting"
          describedBy={weightingHint}
          onChange={(collegeWeighting) => update({ collegeWeighting })}
        >
          <span>{t('votes.form.weighting')}</span>
        </DraftChoice>
      </DecisionOption>
    </fieldset>
  );
}

/** One decision option: its checkbox (and what goes with it), then the line that describes it. */
function DecisionOption({ hintId, hint, children }: { hintId: string; hint: string; children: ReactNode }) {
  return (
    <div className="round-decision__option">
      {children}
      <p id={hintId} className="hint round-decision__hint">
        {hint}
      </p>
    </div>
  );
}

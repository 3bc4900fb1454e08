import { MAX_RANKED_TARGETS, VOTE_MODES } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { FieldError } from '../../../ui/FieldWithError';
import { CriteriaEditor } from './CriteriaEditor';
import { DraftChoice, DraftField } from './DraftFields';
import { GradesEditor } from './GradesEditor';
import { modeName } from './labels';
import { rankingTooLong } from './roundDraft';
import type { DraftEditing } from './useNewRoundForm';

interface Props extends DraftEditing {
  /** The form's id, which names its fields and radio groups. */
  formId: string;
  /** How many targets the round would hold as the form stands (a ranking takes 30 at most). */
  targetCount: number;
}

/**
 * How the round is voted: the five modes, each with a line that says what people do, then the
 * chosen mode's settings (dots: budget, cap, dots against; scores: criteria; majority judgment:
 * the grades; points: the budget; ranking: its limit, said before sending).
 */
export function RoundModeFieldset({ formId, targetCount, draft, update, error }: Props) {
  const t = useT();
  return (
    <fieldset className="round-form__group">
      <legend>{t('votes.form.mode')}</legend>
      <div className="round-form__choices round-form__choices--stacked round-form__modes">
        {VOTE_MODES.map((mode) => (
          <DraftChoice
            key={mode}
            name={`${formId}-mode`}
            checked={draft.mode === mode}
            testId={`votes.form.mode-${mode}`}
            onChange={() => update({ mode })}
          >
            <span className="round-form__mode">
              <span className="round-form__mode-name">{modeName(t, mode)}</span>
              <span className="hint">{t(`votes.form.modeHint.${mode}`)}</span>
            </span>
          </DraftChoice>
        ))}
      </div>
      {draft.mode === 'dots' && (
        <div className="field-row">
          <DraftField
            id={`${formId}-budget`}
            className="field round-form__number"
            label={t('votes.form.budget')}
            inputMode="numeric"
            value={draft.budget}
            data-testid="votes.form.budget"
            error={error('budget')}
            onChange={(budget) => update({ budget })}
          />
          <DraftField
            id={`${formId}-cap`}
            className="field round-form__number"
            label={t('votes.form.cap')}
            inputMode="numeric"
            value={draft.cap}
            data-testid="votes.form.cap"
            error={error('cap')}
            onChange={(cap) => update({ cap })}
          />
          <DraftChoice
            type="checkbox"
            className="round-form__negative"
            checked={draft.negative}
            testId="votes.form.negative"
            onChange={(negative) => update({ negative })}
          >
            {t('votes.form.negative')}
          </DraftChoice>
        </div>
      )}
      {draft.mode === 'scoring' && <CriteriaEditor draft={draft} update={update} error={error} />}
      {draft.mode === 'judgment' && <GradesEditor draft={draft} update={update} error={error} />}
      {draft.mode === 'points' && (
        <div className="round-form__setting">
          <DraftField
            id={`${formId}-points`}
            className="field round-form__number round-form__number--wide"
            label={t('votes.form.pointsBudget')}
            inputMode="numeric"
            value={draft.pointsBudget}
            data-testid="votes.form.points-budget"
            error={error('pointsBudget')}
            onChange={(pointsBudget) => update({ pointsBudget })}
          />
          <p className="hint">{t('votes.form.pointsHint')}</p>
        </div>
      )}
      {draft.mode === 'ranking' && (
        <div className="round-form__setting">
          <p className="hint">{t('votes.form.rankingHint', { max: MAX_RANKED_TARGETS })}</p>
          <FieldError
            error={
              rankingTooLong(draft.mode, targetCount)
                ? t('votes.form.error.tooManyRanked', { max: MAX_RANKED_TARGETS, n: targetCount })
                : null
            }
            testId="votes.form.ranking-error"
          />
        </div>
      )}
    </fieldset>
  );
}

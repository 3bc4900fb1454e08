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
export function RoundModeFieldset({ formId, targetCount, ...editing }: Props) {
  const t = useT();
  const { draft, update, error } = editing;
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
          <ModeNumber
            id={`${formId}-budget`}
            field="budget"
            label={t('votes.form.budget')}
            testId="votes.form.budget"
            {...editing}
          />
          <ModeNumber
            id={`${formId}-cap`}
            field="cap"
            label={t('votes.form.cap')}
            testId="votes.form.cap"
            {...editing}
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
          <ModeNumber
            id={`${formId}-points`}
            field="pointsBudget"
            label={t('votes.form.pointsBudget')}
            testId="votes.form.points-budget"
            wide
            {...editing}
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

/**
 * A whole-number setting of the chosen mode. Its draft field names its value, its problem and
 * its change alike, so that no field shows another's error.
 */
function ModeNumber({
  id,
  field,
  label,
  testId,
  wide = false,
  draft,
  update,
  error,
}: DraftEditing & {
  id: string;
  field: 'budget' | 'cap' | 'pointsBudget';
  label: string;
  testId: string;
  /** The points budget takes more digits. */
  wide?: boolean;
}) {
  return (
    <DraftField
      id={id}
      className={`field round-form__number${wide ? ' round-form__number--wide' : ''}`}
      label={label}
      inputMode="numeric"
      value={draft[field]}
      data-testid={testId}
      error={error(field)}
      onChange={(value) => update({ [field]: value })}
    />
  );
}

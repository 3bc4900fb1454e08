import { useT } from '../../../i18n/locale';
import { CriteriaEditor } from './CriteriaEditor';
import { DraftChoice, DraftField } from './DraftFields';
import type { DraftEditing } from './useNewRoundForm';

interface Props extends DraftEditing {
  /** The form's id, which names its fields and radio groups. */
  formId: string;
}

/** How the round is voted: dots (budget, cap, dots against) or scores on criteria. */
export function RoundModeFieldset({ formId, draft, update, error }: Props) {
  const t = useT();
  return (
    <fieldset className="round-form__group">
      <legend>{t('votes.form.mode')}</legend>
      <div className="round-form__choices">
        <DraftChoice
          name={`${formId}-mode`}
          checked={draft.mode === 'dots'}
          testId="votes.form.mode-dots"
          onChange={() => update({ mode: 'dots' })}
        >
          {t('votes.mode.dots')}
        </DraftChoice>
        <DraftChoice
          name={`${formId}-mode`}
          checked={draft.mode === 'scoring'}
          testId="votes.form.mode-scoring"
          onChange={() => update({ mode: 'scoring' })}
        >
          {t('votes.mode.scoring')}
        </DraftChoice>
      </div>
      {draft.mode === 'dots' ? (
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
      ) : (
        <CriteriaEditor draft={draft} update={update} error={error} />
      )}
    </fieldset>
  );
}

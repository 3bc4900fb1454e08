import { MAX_CRITERIA } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import { FieldWithError } from '../../../ui/FieldWithError';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { DraftInput } from './DraftFields';
import { criterionAddition, criterionChange, criterionRemoval } from './roundDraft';
import type { DraftEditing } from './useNewRoundForm';

/** A scoring round's criteria: each one's name and weight, removed or added (up to the most allowed). */
export function CriteriaEditor({ draft, update, error }: DraftEditing) {
  const t = useT();
  const id = useId();
  return (
    <div className="criteria-editor" data-testid="votes.form.criteria">
      <div className="criteria-editor__head" aria-hidden="true">
        <span>{t('votes.form.criterionName')}</span>
        <span>{t('votes.form.weight')}</span>
      </div>
      <ul>
        {draft.criteria.map((criterion, index) => (
          <li key={criterion.id} className="criteria-editor__row" data-testid="votes.form.criterion">
            <div className="criteria-editor__name">
              <DraftInput
                value={criterion.label}
                maxLength={60}
                aria-label={t('votes.form.criterionLabel', { n: index + 1 })}
                data-testid="votes.form.criterion-label"
                error={error(`criterion.${index}.label`)}
                onChange={(label) => update(criterionChange(draft, index, { label }))}
              />
            </div>
            <div className="criteria-editor__weight">
              <DraftInput
                inputMode="decimal"
                value={criterion.weight}
                aria-label={t('votes.form.weightLabel', { name: criterion.label || String(index + 1) })}
                data-testid="votes.form.criterion-weight"
                error={error(`criterion.${index}.weight`)}
                onChange={(weight) => update(criterionChange(draft, index, { weight }))}
              />
            </div>
            <IconButton
              label={t('votes.form.removeCriterion', { name: criterion.label || String(index + 1) })}
              disabled={draft.criteria.length <= 1}
              onClick={() => update(criterionRemoval(draft, index))}
            >
              <Icon name="close" size={16} />
            </IconButton>
          </li>
        ))}
      </ul>
      <FieldWithError error={error('criteria')}>{() => null}</FieldWithError>
      <button
        type="button"
        className="button"
        id={`${id}-add`}
        disabled={draft.criteria.length >= MAX_CRITERIA}
        data-testid="votes.form.add-criterion"
        onClick={() => update(criterionAddition(draft))}
      >
        <Icon name="plus" size={16} /> {t('votes.form.addCriterion')}
      </button>
      <p className="hint">{t('votes.form.criteriaHint')}</p>
    </div>
  );
}

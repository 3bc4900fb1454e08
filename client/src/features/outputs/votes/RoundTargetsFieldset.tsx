import type { VoteTarget } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { FieldWithError } from '../../../ui/FieldWithError';
import { DraftChoice } from './DraftFields';
import { targetChange } from './roundDraft';
import { ANY_TABLE } from './tableTargets';
import type { DraftEditing } from './useNewRoundForm';

interface Props extends DraftEditing {
  /** The form's id, which names its radio groups. */
  formId: string;
  /** The targets of the kind chosen, on the board now (those of the tables chosen). */
  targets: readonly VoteTarget[];
}

/**
 * What the round votes on: every target of the kind chosen, or those ticked; when the workshop
 * has tables, only the tables' proposals (or one table's) may be offered.
 */
export function RoundTargetsFieldset({ formId, targets, draft, update, error }: Props) {
  const t = useT();
  const tables = useBoard((s) => s.tables.tables);
  return (
    <fieldset className="round-form__group">
      <legend>{t('votes.form.targets')}</legend>
      {tables.length > 0 && (
        <div className="field round-form__tables">
          <label htmlFor={`${formId}-tables`}>{t('votes.form.tables')}</label>
          <select
            id={`${formId}-tables`}
            className="input"
            value={draft.fromTables}
            data-testid="votes.form.tables"
            // Ticked targets the new choice leaves out stay ticked but are not sent (roundBody).
            onChange={(event) => update({ fromTables: event.target.value })}
          >
            <option value="">{t('votes.form.tablesAll')}</option>
            <option value={ANY_TABLE}>{t('votes.form.tablesAny')}</option>
            {tables.map((table) => (
              <option key={table.id} value={table.id}>
                {table.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="round-form__choices">
        <DraftChoice
          name={`${formId}-all`}
          checked={draft.allTargets}
          testId="votes.form.all"
          onChange={() => update({ allTargets: true })}
        >
          {t('votes.form.all', { n: targets.length })}
        </DraftChoice>
        <DraftChoice
          name={`${formId}-all`}
          checked={!draft.allTargets}
          testId="votes.form.some"
          onChange={() => update({ allTargets: false })}
        >
          {t('votes.form.some')}
        </DraftChoice>
      </div>
      {!draft.allTargets && targets.length > 0 && (
        <ul className="round-form__targets" data-testid="votes.form.targets">
          {targets.map((target) => (
            <li key={target.id}>
              <DraftChoice
                type="checkbox"
                checked={draft.selected.includes(target.id)}
                testId="votes.form.target"
                dataLabel={target.label}
                onChange={(checked) => update(targetChange(draft, target.id, checked))}
              >
                <span>{target.label || t('votes.untitled')}</span>
              </DraftChoice>
            </li>
          ))}
        </ul>
      )}
      {targets.length === 0 && (
        <p className="hint">
          {draft.fromTables === ''
            ? t(`votes.form.noTargets.${draft.targetKind}`)
            : t('votes.form.noTableTargets')}
        </p>
      )}
      <FieldWithError error={error('targets')} errorTestId="votes.form.targets-error">
        {() => null}
      </FieldWithError>
    </fieldset>
  );
}

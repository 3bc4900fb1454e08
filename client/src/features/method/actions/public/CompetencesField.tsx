import { type ActionSheet, setActionCompetences } from '@atelier/shared';
import { useT } from '../../../../i18n/locale';
import type { PickerGroup } from '../../../../ui/ComboPicker';
import { useSheetCommands } from '../useSheetCommands';
import type { CompetenceCheckRow } from './competenceChecks';
import { filterCompetences } from './search';
import { TagPicker } from './TagPicker';

/** The sheet's M57 competences, each with what the workshop's authority may do about it. */
export function CompetencesField({
  sheet,
  rows,
  editable,
}: {
  sheet: ActionSheet;
  rows: readonly CompetenceCheckRow[];
  editable: boolean;
}) {
  const t = useT();
  const commands = useSheetCommands();
  const groups = (query: string): PickerGroup[] =>
    filterCompetences(query).map(({ heading, children }) => ({
      key: heading.code,
      label: `${heading.code} ${heading.name}`,
      options: [
        { value: heading.code, code: heading.code, label: heading.name },
        ...children.map((c) => ({ value: c.code, code: c.code, label: c.name, sub: true })),
      ],
    }));
  return (
    <TagPicker
      field="competences"
      label={t('sheet.field.competences')}
      chosen={rows.map((row) => ({
        value: row.code,
        code: row.code,
        label: row.name,
        check: row.check ?? undefined,
        below: <CompetenceCheck row={row} />,
      }))}
      groups={groups}
      editable={editable}
      write={(codes) => {
        try {
          commands.run((doc) => setActionCompetences(doc, sheet.id, codes));
          return null;
        } catch {
          return t('publicData.competences.tooMany', { max: 20 });
        }
      }}
      placeholder={t('publicData.competences.search')}
      listLabel={t('publicData.competences.list')}
      chosenLabel={t('publicData.competences.chosen')}
      none={t('publicData.competences.none')}
    />
  );
}

/** The chip beside a competence the authority does not hold (or may not), with the rule under it. */
function CompetenceCheck({ row }: { row: CompetenceCheckRow }) {
  const t = useT();
  if (row.check !== 'partner-required' && row.check !== 'to-check') return null;
  const required = row.check === 'partner-required';
  return (
    <div className="public-check" data-testid="sheet.competence-check">
      <p className="public-check__line">
        <span
          className={required ? 'public-chip public-chip--warning' : 'public-chip public-chip--soft'}
          title={row.rule ?? undefined}
          data-testid={required ? 'sheet.competence-partner-required' : 'sheet.competence-to-check'}
        >
          <span className="public-chip__mark" aria-hidden="true">
            {required ? '!' : '?'}
          </span>
          {t(required ? 'publicData.check.partnerRequired' : 'publicData.check.toCheck')}
        </span>
        {row.noPartner && (
          <span className="public-check__partners" data-testid="sheet.competence-no-partner">
            {t('publicData.check.noPartner')}
          </span>
        )}
      </p>
      {row.rule && <p className="public-check__rule">{row.rule}</p>}
    </div>
  );
}

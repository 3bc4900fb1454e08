import { type ActionSheet, SGPE_LEVIERS, setActionLevers } from '@atelier/shared';
import { useT } from '../../../../i18n/locale';
import { useSheetCommands } from '../useSheetCommands';
import { filterLevers } from './search';
import { TagPicker } from './TagPicker';

const description = new Map(SGPE_LEVIERS.map((l) => [l.label, l.description]));

/** The sheet's levers of the ecological planning (SGPE), searched by label or description. */
export function LeversField({ sheet, editable }: { sheet: ActionSheet; editable: boolean }) {
  const t = useT();
  const commands = useSheetCommands();
  return (
    <TagPicker
      field="levers"
      label={t('sheet.field.levers')}
      chosen={sheet.levers.map((label) => ({ value: label, label, title: description.get(label) }))}
      groups={(query) => [
        {
          key: 'levers',
          options: filterLevers(query).map((l) => ({
            value: l.label,
            label: l.label,
            detail: l.description,
          })),
        },
      ]}
      editable={editable}
      write={(labels) => {
        try {
          commands.run((doc) => setActionLevers(doc, sheet.id, labels));
          return null;
        } catch {
          return t('publicData.levers.tooMany', { max: 20 });
        }
      }}
      placeholder={t('publicData.levers.search')}
      listLabel={t('publicData.levers.list')}
      chosenLabel={t('publicData.levers.chosen')}
      none={t('publicData.levers.none')}
      inline
    />
  );
}

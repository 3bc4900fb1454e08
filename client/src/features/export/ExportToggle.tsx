import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { ToggleButton } from '../../ui/ToggleButton';

/** The facilitator's bar button that opens the export panel. */
export function ExportToggle() {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const open = useBoard((s) => s.exportOpen);
  const setOpen = useBoard((s) => s.setExportOpen);
  if (!facilitator) return null;
  return (
    <ToggleButton pressed={open} testId="export.toggle" onClick={() => setOpen(!open)}>
      {t('export.panel.title')}
    </ToggleButton>
  );
}

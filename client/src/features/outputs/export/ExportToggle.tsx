import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { SidePanelToggle } from '../../../ui/SidePanelToggle';

/** The facilitator's bar button that opens the export panel. */
export function ExportToggle() {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  if (!facilitator) return null;
  return (
    <SidePanelToggle panel="export" testId="export.toggle">
      {t('export.panel.title')}
    </SidePanelToggle>
  );
}

import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { SidePanelToggle } from '../../../ui/SidePanelToggle';

/** The header button that opens the participants panel (facilitators only). */
export function ParticipantsToggle() {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  if (!facilitator) return null;
  return (
    <SidePanelToggle panel="participants" testId="participants.toggle">
      {t('participants.toggle')}
    </SidePanelToggle>
  );
}

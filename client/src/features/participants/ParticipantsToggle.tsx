import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { ToggleButton } from '../../ui/ToggleButton';

/** The header button that opens the participants panel (facilitators only). */
export function ParticipantsToggle() {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const open = useBoard((s) => s.participantsOpen);
  const setOpen = useBoard((s) => s.setParticipantsOpen);
  if (!facilitator) return null;
  return (
    <ToggleButton pressed={open} testId="participants.toggle" onClick={() => setOpen(!open)}>
      {t('participants.toggle')}
    </ToggleButton>
  );
}

import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { ToggleButton } from '../../ui/ToggleButton';
import { ExportToggle } from '../export/ExportToggle';
import { FollowToggle } from '../follow/Follow';
import { ParticipantsToggle } from '../participants/ParticipantsToggle';
import { SilentToggle } from '../silent/SilentToggle';
import { StepsFreeToggle } from '../steps/StepBar';
import { ThemeEditorButton } from '../themes/ThemeEditor';
import { VotesToggle } from '../votes/VotesToggle';
import { LockToggle } from './LockToggle';

/**
 * The facilitator's controls, in a bar of their own under the header: a laptop's header has
 * no room for them beside the title, presence and language. A named region (a landmark), so
 * that a screen reader's list of landmarks leads to it; not an ARIA toolbar, whose arrow-key
 * navigation it does not have: Tab goes through its buttons.
 */
export function FacilitatorBar() {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const shareOpen = useBoard((s) => s.shareOpen);
  const setShareOpen = useBoard((s) => s.setShareOpen);
  if (!facilitator) return null;
  return (
    <section className="facilitator-bar" aria-label={t('facilitatorBar.label')}>
      <FollowToggle />
      <StepsFreeToggle />
      <SilentToggle />
      <ThemeEditorButton />
      <LockToggle />
      {/* The panels' buttons, at the right end: together on the next line when the screen is narrow. */}
      <div className="facilitator-bar__panels">
        <VotesToggle />
        <ParticipantsToggle />
        <ToggleButton pressed={shareOpen} testId="share.toggle" onClick={() => setShareOpen(!shareOpen)}>
          {t('share.toggle')}
        </ToggleButton>
        <ExportToggle />
      </div>
    </section>
  );
}

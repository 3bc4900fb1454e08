import { LocaleSwitch } from '../../i18n/LocaleSwitch';
import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { BrandLink } from '../../ui/BrandLink';
import { ConnectionIndicator } from '../connection/ConnectionIndicator';
import { FollowToggle } from '../follow/Follow';
import { ParticipantsToggle } from '../participants/ParticipantsToggle';
import { PresenceBar } from '../presence/PresenceBar';
import { ProjectorToggle } from '../projector/Projector';
import { SilentToggle } from '../silent/SilentToggle';
import { ThemeEditorButton } from '../themes/ThemeEditor';
import { TimerControl } from '../timer/TimerControl';
import { LockToggle } from './LockToggle';

/** Title and territory, who you are, presence, connection, language, and the share toggle. */
export function BoardHeader() {
  const t = useT();
  const workshop = useBoard((s) => s.workshop);
  const shareOpen = useBoard((s) => s.shareOpen);
  const setShareOpen = useBoard((s) => s.setShareOpen);
  if (!workshop) return null;
  const you = workshop.you;
  return (
    <header className="board-header">
      <BrandLink compact />
      <div className="board-header__title">
        <h1 title={workshop.title}>{workshop.title}</h1>
        <p>
          {t('header.territory', {
            kind: t(`territory.${workshop.territory.kind}`),
            name: workshop.territory.name,
          })}
        </p>
      </div>
      <div className="board-header__side">
        <TimerControl />
        {you.role === 'facilitator' && <FollowToggle />}
        {you.role === 'facilitator' && <ThemeEditorButton />}
        {you.role === 'facilitator' && <LockToggle />}
        {you.role === 'facilitator' && <SilentToggle />}
        <PresenceBar />
        <ConnectionIndicator />
        <span className="board-header__you" data-testid="header.you" data-role={you.role}>
          {t('header.you', {
            name: you.name,
            role: you.coFacilitator ? t('participants.role.coFacilitator') : t(`role.${you.role}`),
          })}
        </span>
        <LocaleSwitch />
        <ProjectorToggle />
        <ParticipantsToggle />
        {you.role === 'facilitator' && (
          <button
            type="button"
            className={shareOpen ? 'button button--primary' : 'button'}
            data-testid="share.toggle"
            aria-pressed={shareOpen}
            onClick={() => setShareOpen(!shareOpen)}
          >
            {t('share.toggle')}
          </button>
        )}
      </div>
    </header>
  );
}

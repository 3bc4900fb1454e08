import { ProjectorToggle } from '../features/facilitation/projector/Projector';
import { MyTableChip } from '../features/facilitation/tables/TableSpace';
import { TimerControl } from '../features/facilitation/timer/TimerControl';
import { VotesToggle } from '../features/outputs/votes/VotesToggle';
import { MyDataButton } from '../features/privacy/MyDataButton';
import { LocaleSwitch } from '../i18n/LocaleSwitch';
import { useT } from '../i18n/locale';
import { useBoard } from '../state/store';
import { PresenceBar } from '../toolbox/presence/PresenceBar';
import { BrandLink } from '../ui/BrandLink';
import { ConnectionIndicator } from './ConnectionIndicator';
import { HeaderMenu } from './HeaderMenu';

/**
 * Title and territory, the timer, presence, connection, who you are, language and the projector
 * view, and one's own data to download (these last four in a menu on a phone).
 */
export function BoardHeader({ token }: { token: string }) {
  const t = useT();
  const workshop = useBoard((s) => s.workshop);
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
        <MyTableChip />
        <TimerControl />
        <VotesToggle everyone />
        <PresenceBar />
        <ConnectionIndicator />
        <HeaderMenu>
          <span className="board-header__you" data-testid="header.you" data-role={you.role}>
            {t('header.you', {
              name: you.name,
              role: you.coFacilitator ? t('participants.role.coFacilitator') : t(`role.${you.role}`),
            })}
          </span>
          <LocaleSwitch />
          <ProjectorToggle />
          <MyDataButton token={token} />
        </HeaderMenu>
      </div>
    </header>
  );
}

import { setFollow } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { listedNames, presentNames } from '../../../state/people';
import { usePresence } from '../../../state/presenceStores';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { ToggleButton } from '../../../ui/ToggleButton';
import { followAgain, stopFollowing } from './useFollow';

/** The facilitator's "follow me": the room's views follow theirs until they let everyone free. */
export function FollowToggle() {
  const t = useT();
  const connection = useConnection();
  const me = useBoard((s) => s.me?.participantId ?? null);
  const follow = useBoard((s) => s.follow);
  const leading = follow !== null && follow === me;
  const loaded = useBoard((s) => s.controlLoaded);
  return (
    <ToggleButton
      pressed={leading}
      disabled={!loaded}
      testId="follow.toggle"
      title={t(leading ? 'follow.stopTitle' : 'follow.startTitle')}
      onClick={() => setFollow(connection.controlDoc, leading ? null : me)}
    >
      {t(leading ? 'follow.stop' : 'follow.start')}
    </ToggleButton>
  );
}

/** Tells a participant whose view they follow, with the way to move freely (and back). */
export function FollowBanner() {
  const t = useT();
  const follow = useBoard((s) => s.follow);
  const me = useBoard((s) => s.me?.participantId ?? null);
  const detached = useBoard((s) => s.followDetached);
  const listed = useBoard((s) => (s.follow ? listedNames(s.workshop)[s.follow] : undefined));
  const present = usePresence((s) => (follow ? presentNames(s.people)[follow] : undefined));
  if (follow === null || follow === me) return null;
  const name = listed ?? present ?? t('follow.someone');
  return (
    <div className="follow-banner" data-testid="follow.banner" data-detached={detached} role="status">
      <span>{t(detached ? 'follow.detached' : 'follow.following', { name })}</span>
      <button
        type="button"
        className="button"
        data-testid={detached ? 'follow.again' : 'follow.detach'}
        onClick={detached ? followAgain : stopFollowing}
      >
        {t(detached ? 'follow.again' : 'follow.detach')}
      </button>
    </div>
  );
}

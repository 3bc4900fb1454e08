import { type PublicRound, quorumOutcome, type RoundAction } from '@atelier/shared';
import { useState } from 'react';
import { RequestError } from '../../../api/http';
import { discardRound, extendRound, fetchProgress, moveRound } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { ConfirmInBody } from './ConfirmInBody';
import { modeSummary, visibilityName } from './labels';
import { allowedActions } from './model';
import { shortGroups } from './quorum';
import { RoundProgressView } from './RoundProgressView';
import { revealRound } from './revealRound';
import { useToastedRequest } from './useToastedRequest';
import { useVotesApi } from './votesApi';

/** The colour of a round's state. */
const STATE_TONES = { draft: 'muted', open: 'strong', closed: 'warning', revealed: 'success' } as const;

const ACTION_LABELS = {
  open: 'votes.action.open',
  close: 'votes.action.close',
  reveal: 'votes.action.reveal',
  reopen: 'votes.action.reopen',
} as const;

/**
 * A round in the panel: its title, state and rules, the way to its vote or results, and for the
 * facilitator its next moves, who has voted, more time, and discarding it.
 */
export function RoundItem({ round, facilitator }: { round: PublicRound; facilitator: boolean }) {
  const t = useT();
  const api = useVotesApi();
  const observer = useBoard((s) => s.me?.role === 'observer');
  const { busy, run } = useToastedRequest();
  const [confirming, setConfirming] = useState(false);
  /** The groups short of the quorum, when the server refused a reveal for them. */
  const [shortOfQuorum, setShortOfQuorum] = useState<string | null>(null);
  const show = boardStore.getState().showVotes;

  /** Why the server refused a reveal for the quorum, in the person's words: the groups short of it. */
  const quorumShortfall = async (refusal: RequestError): Promise<string> => {
    if (!round.quorum) return refusal.message;
    try {
      const progress = await fetchProgress(api.workshopId, round.id, api.token);
      const short = shortGroups(t, quorumOutcome(round.quorum, progress.voters));
      return short || refusal.message;
    } catch {
      return refusal.message;
    }
  };

  const move = (action: RoundAction, overrideQuorum = false) =>
    run(async () => {
      if (action === 'reveal') {
        try {
          await revealRound(api.workshopId, round.id, api.token, overrideQuorum);
        } catch (failure) {
          if (!(failure instanceof RequestError) || failure.code !== 'quorum_not_met') throw failure;
          setShortOfQuorum(await quorumShortfall(failure));
          return;
        }
        show({ roundId: round.id, show: 'results' });
        return;
      }
      await moveRound(api.workshopId, round.id, action, api.token);
      if (action === 'open') show({ roundId: round.id, show: 'ballot' });
    });

  return (
    <li
      className={`round-item round-item--${round.state}`}
      data-testid="votes.round"
      data-round-id={round.id}
      data-state={round.state}
      data-title={round.title}
    >
      <div className="round-item__head">
        <h3 className="round-item__title">{round.title}</h3>
        <span className={`vote-pill vote-pill--${STATE_TONES[round.state]}`} data-testid="votes.round-state">
          {t(`votes.state.${round.state}`)}
        </span>
      </div>
      <p className="round-item__meta">
        {t.plural(`votes.count.${round.targetKind}`, round.targets.length)} ·{' '}
        {visibilityName(t, round.visibility)}
        {round.durationMinutes !== null && ` · ${t('votes.minutes', { n: round.durationMinutes })}`}
      </p>
      <p className="round-item__meta">{modeSummary(t, round)}</p>

      {facilitator && round.state === 'open' && <RoundProgressView round={round} />}

      <div className="round-item__actions">
        {round.state === 'open' && (
          <button
            type="button"
            className="button"
            data-testid="votes.go"
            onClick={() => show({ roundId: round.id, show: 'ballot' })}
          >
            {t(observer ? 'votes.seeVote' : 'votes.goVote')}
          </button>
        )}
        {round.results && (
          <button
            type="button"
            className="button"
            data-testid="votes.see-results"
            onClick={() => show({ roundId: round.id, show: 'results' })}
          >
            {t(round.state === 'open' ? 'votes.liveResults' : 'votes.seeResults')}
          </button>
        )}
        {facilitator &&
          allowedActions(round.state).map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'reveal' || action === 'open' ? 'button button--primary' : 'button'}
              data-testid={`votes.action-${action}`}
              disabled={busy}
              onClick={() => void move(action)}
            >
              {t(ACTION_LABELS[action])}
            </button>
          ))}
        {facilitator && round.state === 'open' && round.endsAt !== null && (
          <span className="round-item__extend">
            {[1, 5].map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="button"
                data-testid={`votes.extend-${minutes}`}
                disabled={busy}
                aria-label={t('votes.extendLabel', { n: minutes })}
                onClick={() =>
                  void run(
                    () => extendRound(api.workshopId, round.id, minutes, api.token),
                    () => t('votes.extended', { n: minutes }),
                  )
                }
              >
                +{minutes} min
              </button>
            ))}
          </span>
        )}
        {facilitator && (
          <IconButton
            className="round-item__discard"
            label={t('votes.discard', { title: round.title })}
            testId="votes.discard"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            <Icon name="close" size={16} />
          </IconButton>
        )}
      </div>
      {shortOfQuorum !== null && (
        <ConfirmInBody
          testId="votes.quorum-confirm"
          title={t('votes.quorum.confirmTitle')}
          text={t('votes.quorum.confirmText', { percent: round.quorum?.percent ?? 0, groups: shortOfQuorum })}
          confirmLabel={t('votes.quorum.revealAnyway')}
          cancelLabel={t('votes.quorum.wait')}
          onCancel={() => setShortOfQuorum(null)}
          onConfirm={() => {
            setShortOfQuorum(null);
            void move('reveal', true);
          }}
        />
      )}
      {confirming && (
        <ConfirmInBody
          testId="votes.discard-confirm"
          title={t('votes.discardTitle', { title: round.title })}
          text={t('votes.discardText')}
          confirmLabel={t('votes.discardConfirm')}
          cancelLabel={t('votes.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(
              () => discardRound(api.workshopId, round.id, api.token),
              () => t('votes.discarded'),
            );
          }}
        />
      )}
    </li>
  );
}

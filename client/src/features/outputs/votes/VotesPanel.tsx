import type { PublicRound, RoundAction } from '@atelier/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { errorMessage } from '../../../api/errorMessage';
import { usePolled } from '../../../api/usePolled';
import { discardRound, extendRound, fetchProgress, moveRound, remindVoters } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { CheckMark } from './CheckMark';
import { modeSummary, visibilityName } from './labels';
import { allowedActions, visibleRounds } from './model';
import { NewRoundForm } from './NewRoundForm';
import { useVotesApi, type VotesApi, VotesApiContext } from './useBallot';
import { useRounds } from './useRounds';

/** How often the facilitator's view of who has voted is read again while a round is open. */
const PROGRESS_POLL_MS = 2000;

interface Props extends VotesApi {
  onClose: () => void;
}

/**
 * The votes side panel. The facilitator creates rounds and runs them (open, close, reveal,
 * reopen, extend, discard) and follows who has voted; everyone else finds the rounds to vote in
 * and the results of past ones.
 */
export function VotesPanel({ workshopId, token, onClose }: Props) {
  const api = useMemo(() => ({ workshopId, token }), [workshopId, token]);
  return (
    <VotesApiContext.Provider value={api}>
      <Panel onClose={onClose} />
    </VotesApiContext.Provider>
  );
}

function Panel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const all = useRounds();
  const rounds = useMemo(() => visibleRounds(all, facilitator).reverse(), [all, facilitator]);
  const [creating, setCreating] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <aside
      className="share-panel votes-panel"
      data-testid="votes.panel"
      aria-labelledby="votes-heading"
      onKeyDown={(event) => {
        // Not from a dialog (in a portal, outside this panel) nor from the new round form.
        const inside = event.target instanceof Node && event.currentTarget.contains(event.target);
        if (event.key === 'Escape' && inside && !creating) onClose();
      }}
    >
      <div className="share-panel__head">
        <h2 id="votes-heading" ref={headingRef} tabIndex={-1}>
          {t('votes.panel.heading')}
        </h2>
        <IconButton label={t('common.close')} testId="votes.close" onClick={onClose}>
          <Icon name="close" size={16} />
        </IconButton>
      </div>
      {facilitator &&
        (creating ? (
          <NewRoundForm
            onDone={() => {
              setCreating(false);
              requestAnimationFrame(() => newRef.current?.focus());
            }}
          />
        ) : (
          <button
            ref={newRef}
            type="button"
            className="button button--primary votes-panel__new"
            data-testid="votes.new"
            onClick={() => setCreating(true)}
          >
            <Icon name="plus" size={18} /> {t('votes.panel.new')}
          </button>
        ))}
      {rounds.length === 0 ? (
        <p className="hint" data-testid="votes.none">
          {t(facilitator ? 'votes.panel.emptyFacilitator' : 'votes.panel.empty')}
        </p>
      ) : (
        <ul className="round-list">
          {rounds.map((round) => (
            <RoundItem key={round.id} round={round} facilitator={facilitator} />
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The colour of a round's state and of a voter's status. */
const STATE_TONES = { draft: 'muted', open: 'strong', closed: 'warning', revealed: 'success' } as const;
const STATUS_TONES = { none: 'muted', partial: 'warning', done: 'success' } as const;

const ACTION_LABELS = {
  open: 'votes.action.open',
  close: 'votes.action.close',
  reveal: 'votes.action.reveal',
  reopen: 'votes.action.reopen',
} as const;

function RoundItem({ round, facilitator }: { round: PublicRound; facilitator: boolean }) {
  const t = useT();
  const api = useVotesApi();
  const observer = useBoard((s) => s.me?.role === 'observer');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const show = boardStore.getState().showVotes;

  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) boardStore.getState().toast('success', done);
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  const move = (action: RoundAction) =>
    run(async () => {
      await moveRound(api.workshopId, round.id, action, api.token);
      if (action === 'open') show({ roundId: round.id, show: 'ballot' });
      if (action === 'reveal') show({ roundId: round.id, show: 'results' });
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
                    t('votes.extended', { n: minutes }),
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
      {confirming &&
        // In the body: focusing the modal would otherwise scroll the board (overflow: hidden) under it.
        createPortal(
          <ConfirmDialog
            testId="votes.discard-confirm"
            title={t('votes.discardTitle', { title: round.title })}
            text={t('votes.discardText')}
            confirmLabel={t('votes.discardConfirm')}
            cancelLabel={t('votes.cancel')}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void run(() => discardRound(api.workshopId, round.id, api.token), t('votes.discarded'));
            }}
          />,
          document.body,
        )}
    </li>
  );
}

/** Who has voted (names and status, never choices), polled while the round is open; reminders. */
function RoundProgressView({ round }: { round: PublicRound }) {
  const t = useT();
  const api = useVotesApi();
  const read = useCallback(
    (signal: AbortSignal) => fetchProgress(api.workshopId, round.id, api.token, signal),
    [api, round.id],
  );
  const progress = usePolled(read, PROGRESS_POLL_MS);
  const [busy, setBusy] = useState(false);

  const remind = async (ids?: string[]) => {
    setBusy(true);
    try {
      const { reminded } = await remindVoters(api.workshopId, round.id, ids, api.token);
      boardStore.getState().toast('success', t.plural('votes.progress.reminded', reminded.length));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  if (!progress) return <p className="hint">{t('common.loading')}</p>;
  const expected = progress.voters.length;
  const notDone = progress.voters.filter((v) => v.status !== 'done');
  return (
    <div className="round-progress" data-testid="votes.progress">
      <p className="round-progress__summary" data-testid="votes.progress-summary">
        <strong>{t('votes.progress.done', { done: progress.done, expected })}</strong>
        {progress.dotsLeft !== null && (
          <span data-testid="votes.progress-dots-left" data-value={progress.dotsLeft}>
            {' '}
            · {t.plural('votes.progress.dotsLeft', progress.dotsLeft)}
          </span>
        )}
      </p>
      <progress
        className="vote-progress"
        max={Math.max(1, expected)}
        value={progress.done}
        aria-hidden="true"
      />
      <ul className="round-progress__voters">
        {progress.voters.map((voter) => (
          <li
            key={voter.participantId}
            className="round-progress__voter"
            data-testid="votes.voter"
            data-name={voter.name}
            data-status={voter.status}
          >
            <span className="round-progress__name">
              {voter.name}
              <span className="round-progress__group">{t(`group.${voter.group}`)}</span>
            </span>
            <span className={`vote-pill vote-pill--${STATUS_TONES[voter.status]}`}>
              {voter.status === 'done' && <CheckMark size={14} />}
              {t(`votes.status.${voter.status}`)}
            </span>
            {voter.status !== 'done' && (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                data-testid="votes.remind-one"
                aria-label={t('votes.progress.remindOne', { name: voter.name })}
                onClick={() => void remind([voter.participantId])}
              >
                {t('votes.progress.remind')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {expected === 0 && <p className="hint">{t('votes.progress.nobody')}</p>}
      <button
        type="button"
        className="button"
        disabled={busy || notDone.length === 0}
        data-testid="votes.remind-all"
        onClick={() => void remind()}
      >
        {t('votes.progress.remindAll', { n: notDone.length })}
      </button>
    </div>
  );
}

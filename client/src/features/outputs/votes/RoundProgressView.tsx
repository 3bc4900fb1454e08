import { formatNumber, type PublicRound } from '@atelier/shared';
import { useCallback } from 'react';
import { usePolled } from '../../../api/usePolled';
import { fetchProgress, remindVoters } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import { CheckMark } from './CheckMark';
import { useToastedRequest } from './useToastedRequest';
import { useVotesApi } from './votesApi';

/** How often the facilitator's view of who has voted is read again while a round is open. */
const PROGRESS_POLL_MS = 2000;

/** The colour of a voter's status. */
const STATUS_TONES = { none: 'muted', partial: 'warning', done: 'success' } as const;

/** Who has voted (names and status, never choices), polled while the round is open; reminders. */
export function RoundProgressView({ round }: { round: PublicRound }) {
  const t = useT();
  const api = useVotesApi();
  const read = useCallback(
    (signal: AbortSignal) => fetchProgress(api.workshopId, round.id, api.token, signal),
    [api, round.id],
  );
  const progress = usePolled(read, PROGRESS_POLL_MS);
  const { busy, run } = useToastedRequest();

  const remind = (ids?: string[]) =>
    run(
      () => remindVoters(api.workshopId, round.id, ids, api.token),
      ({ reminded }) => t.plural('votes.progress.reminded', reminded.length),
    );

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
        {progress.pointsLeft !== null && (
          <span data-testid="votes.progress-points-left" data-value={progress.pointsLeft}>
            {' '}
            ·{' '}
            {t.plural('votes.progress.pointsLeft', progress.pointsLeft, {
              n: formatNumber(t.locale, progress.pointsLeft),
            })}
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

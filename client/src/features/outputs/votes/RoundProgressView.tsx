import { formatNumber, type PublicRound, quorumOutcome, type RoundProgress } from '@atelier/shared';
import { useCallback } from 'react';
import { usePolled } from '../../../api/usePolled';
import { fetchProgress, remindVoters } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import { CheckMark } from './CheckMark';
import { quorumGroupLine, quorumSummary } from './quorum';
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
      {round.quorum && <QuorumProgress quorum={round.quorum} voters={progress.voters} />}
      <ul className="round-progress__voters">
        {progress.voters.map((voter) => (
          <li
            key={voter.participantId}
            className="round-progress__voter"
            data-testid="votes.voter"
            data-name={voter.name}
            data-status={voter.status}
          >
            {/* The status under the name, beside the group: the name keeps the row's width (in a
                400-px panel, a pill beside it left two words a line). */}
            <span className="round-progress__name">
              {voter.name}
              <span className="round-progress__meta">
                <span className="round-progress__group">{t(`group.${voter.group}`)}</span>
                <span className={`vote-pill vote-pill--${STATUS_TONES[voter.status]}`}>
                  {voter.status === 'done' && <CheckMark size={14} />}
                  {t(`votes.status.${voter.status}`)}
                </span>
              </span>
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

/**
 * The quorum per group as it stands (refreshed with the progress): an overall line, then each
 * group's voters out of those expected and whether it has reached the quorum.
 */
function QuorumProgress({
  quorum,
  voters,
}: {
  quorum: NonNullable<PublicRound['quorum']>;
  voters: RoundProgress['voters'];
}) {
  const t = useT();
  const outcome = quorumOutcome(quorum, voters);
  return (
    <div
      className={`round-quorum round-quorum--${outcome.met ? 'met' : 'short'}`}
      data-testid="votes.quorum"
      data-met={outcome.met}
    >
      <p className="round-quorum__summary" data-testid="votes.quorum-summary">
        {outcome.met && <CheckMark size={14} />}
        {quorumSummary(t, outcome)}
      </p>
      <ul className="round-quorum__groups">
        {outcome.groups.map((g) => (
          <li
            key={g.group}
            className="round-quorum__group"
            data-testid="votes.quorum-group"
            data-group={g.group}
            data-met={g.met}
          >
            <span className="round-quorum__name">{t(`group.${g.group}`)}</span>
            <span className="round-quorum__track" aria-hidden="true">
              <span
                className="round-quorum__fill"
                style={{ width: `${(g.voted / Math.max(1, g.expected)) * 100}%` }}
              />
              <span className="round-quorum__threshold" style={{ left: `${quorum.percent}%` }} />
            </span>
            <span className={`vote-pill vote-pill--${g.met ? 'success' : 'warning'}`}>
              {quorumGroupLine(t, quorum.percent, g)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

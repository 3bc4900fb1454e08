import { type Ballot, formatRemaining, formatScore, type PublicRound, SCORE_MAX } from '@atelier/shared';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { useBoard } from '../../../state/store';
import { Icon } from '../../../ui/Icon';
import type { BallotEdit } from './ballotSync';
import { CheckMark } from './CheckMark';
import { dotBlockReason } from './labels';
import { type DotMove, dotMoves, scoringProgress, type TargetCard, targetCards } from './model';
import { useBallot } from './useBallot';
import { useLiveTargets } from './useLiveTargets';
import { useRoundRemaining } from './useRoundClock';
import { VoteFrame } from './VoteFrame';

/**
 * The voting view: the round's targets as cards (dots) or a grid (scoring), replacing the step
 * in the main area. Each change goes to the server at once; what is shown is this person's own
 * ballot only (in a secret round nobody else's choices ever reach this page).
 */
export function BallotView({ round }: { round: PublicRound }) {
  const t = useT();
  const role = useBoard((s) => s.me?.role);
  const projector = useBoard((s) => s.projector);
  const { sync, state } = useBallot(round);
  const live = useLiveTargets(round.targetKind);
  const cards = useMemo(() => targetCards(round, live), [round, live]);
  const remaining = useRoundRemaining(round);
  const [notice, setNotice] = useState('');
  const ballot = state.ballot;
  const observer = role === 'observer';
  const timeUp = remaining === 0;
  const canVote = !observer && !projector && round.state === 'open' && !timeUp && ballot !== null;

  const change = (edit: BallotEdit) => {
    if (!sync || !canVote) return;
    const refusal = sync.change(edit);
    setNotice(refusal ? t(`error.${refusal.code}`) : '');
  };

  return (
    <VoteFrame
      round={round}
      testId="votes.ballot"
      eyebrow={`${t(round.mode === 'dots' ? 'votes.mode.dots' : 'votes.mode.scoring')} · ${t(
        round.visibility === 'secret' ? 'votes.visibility.secret' : 'votes.visibility.open',
      )}`}
      tools={
        remaining !== null && (
          <span className={`vote-clock${timeUp ? ' vote-clock--up' : ''}`} data-testid="votes.clock">
            <Icon name="timer" size={18} />
            <span className="visually-hidden">
              {t('votes.clockLabel', { time: formatRemaining(remaining) })}
            </span>
            <span aria-hidden="true">{formatRemaining(remaining)}</span>
          </span>
        )
      }
      other={
        round.results
          ? { show: 'results', label: t('votes.liveResults'), testId: 'votes.live-results' }
          : null
      }
      backTestId="votes.back"
    >
      <VoteStatus
        round={round}
        ballot={ballot}
        observer={observer}
        timeUp={timeUp}
        loadError={state.loadError !== null && ballot === null}
        onRetry={() => void sync?.load()}
        notice={notice}
        canVote={canVote}
        onDone={(done) => change({ done })}
      />

      {round.mode === 'dots' ? (
        <DotsBallot
          round={round}
          cards={cards}
          ballot={ballot}
          canVote={canVote}
          onChange={change}
          onBlocked={setNotice}
        />
      ) : (
        <ScoringBallot round={round} cards={cards} ballot={ballot} canVote={canVote} onChange={change} />
      )}
    </VoteFrame>
  );
}

interface StatusProps {
  round: PublicRound;
  ballot: Ballot | null;
  observer: boolean;
  timeUp: boolean;
  loadError: boolean;
  onRetry: () => void;
  notice: string;
  canVote: boolean;
  onDone: (done: boolean) => void;
}

/** The sticky line over the targets: budget or progress, "J’ai terminé", and why one cannot vote. */
function VoteStatus({
  round,
  ballot,
  observer,
  timeUp,
  loadError,
  onRetry,
  notice,
  canVote,
  onDone,
}: StatusProps) {
  const t = useT();
  let why: string | null = null;
  if (observer) why = t('votes.ballot.observer');
  else if (round.state === 'closed') why = t('votes.ballot.closed');
  else if (round.state === 'revealed') why = t('votes.ballot.revealed');
  else if (timeUp) why = t('error.time_up');

  return (
    <div className="vote-status" data-testid="votes.status">
      {!observer && ballot && round.mode === 'dots' && round.dots && (
        <div className="vote-budget">
          <span className="vote-budget__dots" aria-hidden="true">
            {Array.from({ length: round.dots.budget }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the budget's dots have no identity.
              <span key={i} className={i < ballot.remaining ? 'dot dot--free' : 'dot dot--used'} />
            ))}
          </span>
          <p
            className="vote-budget__text"
            aria-live="polite"
            data-testid="votes.remaining"
            data-remaining={ballot.remaining}
          >
            {t.plural('votes.ballot.remaining', ballot.remaining, { budget: round.dots.budget })}
          </p>
        </div>
      )}
      {!observer && ballot && round.mode === 'scoring' && <ScoringProgress round={round} ballot={ballot} />}
      {loadError && (
        <p className="vote-status__why" role="alert">
          {t('votes.ballot.loadError')}{' '}
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {why && (
        <p className="vote-status__why" data-testid="votes.why">
          {why}
        </p>
      )}
      <p className="vote-status__notice" aria-live="assertive" data-testid="votes.notice">
        {notice}
      </p>
      {!observer && ballot && (
        <button
          type="button"
          className={ballot.done ? 'button vote-done vote-done--on' : 'button button--primary vote-done'}
          aria-pressed={ballot.done}
          disabled={!canVote}
          data-testid="votes.done"
          onClick={() => onDone(!ballot.done)}
        >
          {ballot.done && <CheckMark />}
          {t(ballot.done ? 'votes.ballot.doneOn' : 'votes.ballot.done')}
        </button>
      )}
    </div>
  );
}

function ScoringProgress({ round, ballot }: { round: PublicRound; ballot: Ballot }) {
  const t = useT();
  const { given, total } = scoringProgress(round, ballot);
  return (
    <div className="vote-budget">
      <progress className="vote-progress" max={total} value={given} aria-hidden="true" />
      <p className="vote-budget__text" aria-live="polite" data-testid="votes.scored" data-given={given}>
        {t('votes.ballot.scored', { given, total })}
      </p>
    </div>
  );
}

interface DotsProps {
  round: PublicRound;
  cards: TargetCard[];
  ballot: Ballot | null;
  canVote: boolean;
  onChange: (edit: BallotEdit) => void;
  /** A blocked button was pressed: say why. */
  onBlocked: (reason: string) => void;
}

function DotsBallot({ round, cards, ballot, canVote, onChange, onBlocked }: DotsProps) {
  const t = useT();
  const cap = round.dots?.cap ?? 0;
  return (
    <ul className="vote-cards" aria-label={t('votes.ballot.targets')}>
      {cards.map((card) => {
        const n = ballot?.dots[card.id] ?? 0;
        const moves = ballot ? dotMoves(round, ballot, card.id) : null;
        return (
          <li
            key={card.id}
            className={`vote-card${n > 0 ? ' vote-card--for' : ''}${n < 0 ? ' vote-card--against' : ''}`}
            data-testid="votes.card"
            data-target-id={card.id}
            data-label={card.label}
            data-dots={n}
          >
            <p className="vote-card__label">{card.label}</p>
            {card.deleted && <p className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</p>}
            <div className="vote-card__foot">
              <span className="vote-card__marks" aria-hidden="true">
                {Array.from({ length: cap }, (_, i) => {
                  let cls = 'dot dot--slot';
                  if (i < n) cls = 'dot dot--for';
                  else if (i < -n) cls = 'dot dot--against';
                  // biome-ignore lint/suspicious/noArrayIndexKey: a target's dot slots have no identity.
                  return <span key={i} className={cls} />;
                })}
              </span>
              <span className="vote-card__count" data-testid="votes.card-count">
                {n < 0
                  ? t.plural('votes.ballot.against', -n, { cap })
                  : t.plural('votes.ballot.placed', n, { cap })}
              </span>
              {moves && (
                <fieldset className="vote-card__buttons" disabled={!canVote}>
                  <legend className="visually-hidden">
                    {t('votes.ballot.cardControls', { label: card.label })}
                  </legend>
                  <DotButton
                    move={moves.remove}
                    label={t('votes.ballot.remove', { label: card.label })}
                    testId="votes.remove"
                    onMove={(value) => onChange({ dots: { [card.id]: value } })}
                    onBlocked={onBlocked}
                  >
                    <Icon name="minus" size={18} />
                  </DotButton>
                  <DotButton
                    move={moves.add}
                    label={t('votes.ballot.add', { label: card.label })}
                    testId="votes.add"
                    primary
                    onMove={(value) => onChange({ dots: { [card.id]: value } })}
                    onBlocked={onBlocked}
                  >
                    <Icon name="plus" size={18} />
                  </DotButton>
                  {moves.against && (
                    <DotButton
                      move={moves.against}
                      label={t('votes.ballot.addAgainst', { label: card.label })}
                      testId="votes.against"
                      onMove={(value) => onChange({ dots: { [card.id]: value } })}
                      onBlocked={onBlocked}
                    >
                      {t('votes.ballot.againstButton')}
                    </DotButton>
                  )}
                </fieldset>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A dot button. One the rules block stays focusable (`aria-disabled`) and says why in its
 * tooltip and description, so a keyboard or screen reader user learns it as a mouse user does.
 */
function DotButton({
  move,
  label,
  testId,
  primary = false,
  onMove,
  onBlocked,
  children,
}: {
  move: DotMove;
  label: string;
  testId: string;
  primary?: boolean;
  onMove: (value: number) => void;
  onBlocked: (reason: string) => void;
  children: ReactNode;
}) {
  const t = useT();
  const reason = move.blocked ? dotBlockReason(t, move.blocked) : undefined;
  return (
    <button
      type="button"
      className={`vote-dot-button${primary ? ' vote-dot-button--primary' : ''}`}
      aria-label={reason ? `${label} — ${reason}` : label}
      aria-disabled={reason ? true : undefined}
      title={reason ?? label}
      data-testid={testId}
      onClick={() => {
        if (reason) onBlocked(reason);
        else onMove(move.value);
      }}
    >
      {children}
    </button>
  );
}

interface ScoringProps {
  round: PublicRound;
  cards: TargetCard[];
  ballot: Ballot | null;
  canVote: boolean;
  onChange: (edit: BallotEdit) => void;
}

const SCORES = Array.from({ length: SCORE_MAX + 1 }, (_, i) => i);

/** The criteria grid: one row per target, one 0–5 choice per criterion (arrow keys move along it). */
function ScoringBallot({ round, cards, ballot, canVote, onChange }: ScoringProps) {
  const t = useT();
  const criteria = round.criteria ?? [];
  const set = (target: string, criterion: string, score: number | null) =>
    onChange({ scores: { [target]: { [criterion]: score } } });
  return (
    <div className="score-grid__wrap">
      <table className="score-grid" data-testid="votes.grid">
        <caption className="visually-hidden">{t('votes.ballot.gridCaption', { title: round.title })}</caption>
        <thead>
          <tr>
            <CriteriaHeads round={round} />
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <tr key={card.id} data-testid="votes.score-row" data-target-id={card.id} data-label={card.label}>
              <th scope="row">
                <span className="score-grid__label">{card.label}</span>
                {card.deleted && (
                  <span className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</span>
                )}
              </th>
              {criteria.map((c) => {
                const value = ballot?.scores[card.id]?.[c.id];
                const name = `score-${round.id}-${card.id}-${c.id}`;
                const onKeyDown = (event: KeyboardEvent) => {
                  if ((event.key === 'Delete' || event.key === 'Backspace') && value !== undefined) {
                    event.preventDefault();
                    set(card.id, c.id, null);
                  }
                };
                return (
                  // The criterion's name, shown beside its choice when a phone stacks the grid.
                  <td key={c.id} data-label={c.label}>
                    <div
                      className="score-cell"
                      role="radiogroup"
                      aria-label={t('votes.ballot.cellLabel', { criterion: c.label, label: card.label })}
                      data-testid="votes.cell"
                      data-criterion={c.id}
                      data-value={value ?? ''}
                    >
                      {SCORES.map((score) => (
                        <label key={score} className="score-cell__option">
                          <input
                            type="radio"
                            className="score-cell__input"
                            name={name}
                            value={score}
                            checked={value === score}
                            disabled={!canVote}
                            onChange={() => set(card.id, c.id, score)}
                            onClick={() => {
                              // A second click on the chosen score takes it back.
                              if (value === score) set(card.id, c.id, null);
                            }}
                            onKeyDown={onKeyDown}
                            aria-label={t('votes.ballot.scoreLabel', { score, max: SCORE_MAX })}
                          />
                          <span aria-hidden="true">{score}</span>
                        </label>
                      ))}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint score-grid__hint">{t('votes.ballot.gridHint', { max: SCORE_MAX })}</p>
    </div>
  );
}

/** The grid's column heads: what is voted on, then each criterion with its weight when it is not 1. */
export function CriteriaHeads({ round }: { round: PublicRound }) {
  const t = useT();
  return (
    <>
      <th scope="col">{t(`votes.kind.${round.targetKind}`)}</th>
      {(round.criteria ?? []).map((c) => (
        <th scope="col" key={c.id}>
          {c.label}
          {c.weight !== 1 && (
            <span className="score-grid__weight" title={t('votes.weightTitle')}>
              ×{formatScore(t.locale, c.weight)}
            </span>
          )}
        </th>
      ))}
    </>
  );
}

import { SCORE_MAX } from '@atelier/shared';
import type { KeyboardEvent } from 'react';
import { useT } from '../../../i18n/locale';
import type { BallotProps } from './ballotProps';
import { CriteriaHeads } from './CriteriaHeads';

const SCORES = Array.from({ length: SCORE_MAX + 1 }, (_, i) => i);

/** The criteria grid: one row per target, one 0–5 choice per criterion (arrow keys move along it). */
export function ScoringBallot({ round, cards, ballot, canVote, onChange }: BallotProps) {
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

import type { CSSProperties, KeyboardEvent } from 'react';
import { useT } from '../../../i18n/locale';
import type { BallotProps } from './ballotProps';
import { gradeStyle } from './GradePill';
import { gradeColors } from './grades';

/**
 * Majority judgment: per target, its grades as one radio group, best (green) to worst (red).
 * The arrow keys move along a target's grades, Delete clears its grade, and a second click on
 * the grade chosen takes it back: a target left ungraded counts as the worst grade.
 */
export function JudgmentBallot({ round, cards, ballot, canVote, onChange }: BallotProps) {
  const t = useT();
  const grades = round.grades ?? [];
  const colors = gradeColors(grades.length);
  const set = (target: string, grade: number | null) => onChange({ grades: { [target]: grade } });
  return (
    <div className="grade-ballot">
      <p className="hint grade-ballot__hint">
        {t('votes.ballot.judgmentHint', { worst: grades.at(-1) ?? '' })}
      </p>
      <ul className="grade-ballot__rows" aria-label={t('votes.ballot.targets')}>
        {cards.map((card) => {
          const chosen = ballot?.grades[card.id];
          const onKeyDown = (event: KeyboardEvent) => {
            if ((event.key === 'Delete' || event.key === 'Backspace') && chosen !== undefined) {
              event.preventDefault();
              set(card.id, null);
            }
          };
          return (
            <li
              key={card.id}
              className={`grade-row${chosen === undefined ? '' : ' grade-row--graded'}`}
              data-testid="votes.grade-row"
              data-target-id={card.id}
              data-label={card.label}
              data-grade={chosen ?? ''}
            >
              <p className="grade-row__label" id={`grade-${round.id}-${card.id}`}>
                {card.label}
                {card.deleted && (
                  <span className="vote-pill vote-pill--warning">{t('votes.ballot.deleted')}</span>
                )}
              </p>
              <div
                className="grade-scale"
                role="radiogroup"
                aria-label={t('votes.ballot.gradeGroup', { label: card.label })}
                style={{ '--grades': grades.length } as CSSProperties}
              >
                {grades.map((grade, index) => {
                  const color = colors[index];
                  return (
                    <label key={grade} className="grade-chip" style={gradeStyle(color)}>
                      <input
                        type="radio"
                        className="grade-chip__input"
                        name={`grade-${round.id}-${card.id}`}
                        value={index}
                        checked={chosen === index}
                        disabled={!canVote}
                        onChange={() => set(card.id, index)}
                        onClick={() => {
                          // A second click on the grade chosen takes it back.
                          if (chosen === index) set(card.id, null);
                        }}
                        onKeyDown={onKeyDown}
                      />
                      <span className="grade-chip__face">
                        <span className="grade-chip__swatch" aria-hidden="true" />
                        {grade}
                      </span>
                    </label>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

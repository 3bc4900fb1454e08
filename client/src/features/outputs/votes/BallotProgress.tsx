import { type Ballot, formatNumber, type PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { gradedProgress } from './grades';
import { scoringProgress } from './model';

/**
 * Where one's ballot stands, in the status line: the dots or points left, or the scores, grades
 * or places given out of all. Spoken when it changes.
 */
export function BallotProgress({ round, ballot }: { round: PublicRound; ballot: Ballot }) {
  const t = useT();
  switch (round.mode) {
    case 'dots': {
      const budget = round.dots?.budget ?? 0;
      return (
        <div className="vote-budget">
          <span className="vote-budget__dots" aria-hidden="true">
            {Array.from({ length: budget }, (_, i) => (
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
            {t.plural('votes.ballot.remaining', ballot.remaining, { budget })}
          </p>
        </div>
      );
    }
    case 'points': {
      const budget = round.points?.budget ?? 0;
      return (
        <div className="vote-budget">
          <progress
            className="vote-progress"
            max={Math.max(1, budget)}
            value={ballot.used}
            aria-hidden="true"
          />
          <p
            className="vote-budget__text"
            aria-live="polite"
            data-testid="votes.points-left"
            data-remaining={ballot.remaining}
          >
            {t.plural('votes.ballot.pointsLeft', ballot.remaining, {
              n: formatNumber(t.locale, ballot.remaining),
              budget: formatNumber(t.locale, budget),
            })}
          </p>
        </div>
      );
    }
    case 'scoring': {
      const { given, total } = scoringProgress(round, ballot);
      return (
        <Progress
          given={given}
          total={total}
          testId="votes.scored"
          text={t('votes.ballot.scored', { given, total })}
        />
      );
    }
    case 'judgment': {
      const { given, total } = gradedProgress(round, ballot);
      return (
        <>
          <Progress
            given={given}
            total={total}
            testId="votes.graded"
            text={t('votes.ballot.graded', { given, total })}
          />
          <span className="vote-pill vote-pill--muted" data-testid="votes.ungraded-is">
            {t('votes.ballot.ungradedIs', { worst: round.grades?.at(-1) ?? '' })}
          </span>
        </>
      );
    }
    case 'ranking': {
      const total = round.targets.length;
      const given = round.targets.filter((target) => ballot.ranking.includes(target.id)).length;
      return (
        <Progress
          given={given}
          total={total}
          testId="votes.ranked-count"
          text={t('votes.ballot.ranked', { given, total })}
        />
      );
    }
  }
}

function Progress({
  given,
  total,
  testId,
  text,
}: {
  given: number;
  total: number;
  testId: string;
  text: string;
}) {
  return (
    <div className="vote-budget">
      <progress className="vote-progress" max={Math.max(1, total)} value={given} aria-hidden="true" />
      <p className="vote-budget__text" aria-live="polite" data-testid={testId} data-given={given}>
        {text}
      </p>
    </div>
  );
}

import type { PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { formatTotal } from './labels';
import { barGeometry, type RankedRow, roundBarScale } from './model';

/** The targets best first: rank, label (tie, deleted), a bar, the total and how many voted for it. */
export function RankedBars({ round, rows }: { round: PublicRound; rows: RankedRow[] }) {
  const t = useT();
  const scale = roundBarScale(
    round,
    rows.map((r) => r.total),
  );
  return (
    <ol className="results-bars" data-testid="votes.ranking" aria-labelledby="results-ranking">
      {rows.map((row) => {
        const bar = barGeometry(row.total, scale);
        return (
          <li
            key={row.targetId}
            className="results-bars__row"
            data-testid="votes.result"
            data-target-id={row.targetId}
            data-label={row.label}
            data-rank={row.rank}
            data-total={row.total}
          >
            <span className="results-bars__rank">
              <span className="visually-hidden">{t('votes.results.rank', { rank: row.rank })}</span>
              <span aria-hidden="true">{row.rank}</span>
            </span>
            <div className="results-bars__body">
              <p className="results-bars__label">
                <span>{row.label}</span>
                {row.tied && (
                  <span className="vote-pill vote-pill--warning" data-testid="votes.tie">
                    {t('votes.results.tie')}
                  </span>
                )}
                {row.deleted && (
                  <span className="vote-pill vote-pill--muted">{t('votes.ballot.deleted')}</span>
                )}
              </p>
              <div className="results-bars__track" aria-hidden="true">
                {scale.min < 0 && <span className="results-bars__zero" style={{ left: `${bar.zero}%` }} />}
                <span
                  className={
                    row.total < 0 ? 'results-bars__bar results-bars__bar--negative' : 'results-bars__bar'
                  }
                  style={{ left: `${bar.start}%`, width: `${bar.width}%` }}
                />
              </div>
            </div>
            <div className="results-bars__figures">
              <strong data-testid="votes.result-total">{formatTotal(t, round, row.total)}</strong>
              {row.negative > 0 && (
                <span>{t('votes.results.forAgainst', { for: row.positive, against: row.negative })}</span>
              )}
              <span>{t.plural('votes.results.voters', row.voters)}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

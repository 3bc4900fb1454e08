import type { PublicRound } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { formatTotal } from './labels';
import { barGeometry, type RankedRow, roundBarScale } from './model';
import { ResultBarRow } from './ResultBarRow';

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
          <ResultBarRow
            key={row.targetId}
            row={row}
            bar={
              <div className="results-bars__track" aria-hidden="true">
                {scale.min < 0 && <span className="results-bars__zero" style={{ left: `${bar.zero}%` }} />}
                <span
                  className={
                    row.total < 0 ? 'results-bars__bar results-bars__bar--negative' : 'results-bars__bar'
                  }
                  style={{ left: `${bar.start}%`, width: `${bar.width}%` }}
                />
              </div>
            }
            figures={
              <>
                <strong data-testid="votes.result-total">{formatTotal(t, round, row.total)}</strong>
                {row.negative > 0 && (
                  <span>{t('votes.results.forAgainst', { for: row.positive, against: row.negative })}</span>
                )}
              </>
            }
          />
        );
      })}
    </ol>
  );
}

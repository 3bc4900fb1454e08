import { formatScore, type PublicRound, type RoundResults } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { CriteriaHeads } from './CriteriaHeads';
import type { RankedRow } from './model';

/** A scored round's table: per target, each criterion's mean and median, then the weighted score. */
export function CriteriaTable({
  round,
  rows,
  results,
}: {
  round: PublicRound;
  rows: RankedRow[];
  results: RoundResults;
}) {
  const t = useT();
  const criteria = round.criteria ?? [];
  const byTarget = new Map(results.targets.map((r) => [r.targetId, r]));
  return (
    <div className="score-grid__wrap">
      <table className="criteria-table" data-testid="votes.criteria-table">
        <thead>
          <tr>
            <CriteriaHeads round={round} />
            <th scope="col">{t('votes.results.weightedScore')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.targetId} data-testid="votes.criteria-row" data-label={row.label}>
              <th scope="row">{row.label}</th>
              {criteria.map((c, i) => {
                const stat = byTarget.get(row.targetId)?.criteria[i];
                return (
                  <td
                    key={c.id}
                    data-label={c.label}
                    data-testid="votes.criterion-cell"
                    data-criterion={c.id}
                    data-mean={stat?.mean ?? ''}
                  >
                    {stat && stat.count > 0 ? (
                      <>
                        <span className="criteria-table__mean">{formatScore(t.locale, stat.mean)}</span>
                        <span className="criteria-table__median">
                          {t('votes.results.median', { median: formatScore(t.locale, stat.median) })}
                        </span>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                );
              })}
              <td className="criteria-table__total" data-label={t('votes.results.weightedScore')}>
                {formatScore(t.locale, row.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('votes.results.criteriaHint')}</p>
    </div>
  );
}

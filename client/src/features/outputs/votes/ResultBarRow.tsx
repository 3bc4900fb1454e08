import type { ReactNode } from 'react';
import { useT } from '../../../i18n/locale';
import type { RankedRow } from './model';

/**
 * One target of the ranked results, whatever the mode: its rank, its label (tie, deleted), the
 * mode's bar under the label, then the mode's figures and how many voted for it.
 */
export function ResultBarRow({
  row,
  bar,
  figures,
}: {
  row: RankedRow;
  /** Under the label: the bar and what it says for screen readers. */
  bar: ReactNode;
  /** Before the voters: the total or grade, and what the mode adds to it. */
  figures: ReactNode;
}) {
  const t = useT();
  return (
    <li
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
          {row.deleted && <span className="vote-pill vote-pill--muted">{t('votes.ballot.deleted')}</span>}
        </p>
        {bar}
      </div>
      <div className="results-bars__figures">
        {figures}
        <span>{t.plural('votes.results.voters', row.voters)}</span>
      </div>
    </li>
  );
}

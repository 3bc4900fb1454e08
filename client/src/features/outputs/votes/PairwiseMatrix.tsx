import { formatScore, type PublicRound } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/locale';
import type { RankedRow } from './model';
import { type DuelOutcome, duelTable } from './pairwise';

const OUTCOME_WORDS = {
  win: 'votes.results.duelWin',
  loss: 'votes.results.duelLoss',
  tie: 'votes.results.duelTie',
} as const;

/**
 * A ranking's duels: rows and columns are the targets in the order of the results (numbered as
 * in the ranking), each cell the voters who put the row's target before the column's, the
 * winning side of each pair in green, the losing one in red.
 */
export function PairwiseMatrix({
  round,
  rows,
  pairwise,
  labelledBy,
}: {
  round: PublicRound;
  rows: RankedRow[];
  pairwise: number[][];
  /** The id of the section's heading, which names the table. */
  labelledBy: string;
}) {
  const t = useT();
  const noteId = useId();
  const table = duelTable(round.targets, pairwise, rows);
  const labels = new Map(rows.map((row) => [row.targetId, row.label]));
  return (
    <>
      {/* How to read the table, over its frame (a caption would scroll sideways with the table). */}
      <p id={noteId} className="duel-table__note" data-testid="votes.pairwise-note">
        {t('votes.results.pairwiseNote')} {t('votes.results.duelColours')}
      </p>
      {/* It scrolls sideways on a phone or with many targets: focusable, so the arrows scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling frame must be reachable by keyboard. */}
      <div className="duel-table__wrap" tabIndex={0}>
        <table
          className="duel-table"
          data-testid="votes.pairwise"
          aria-labelledby={labelledBy}
          aria-describedby={noteId}
        >
          <thead>
            <tr>
              <th scope="col" className="duel-table__corner">
                {t('votes.results.duelCorner')}
              </th>
              {table.map(({ row }, index) => (
                <th key={row.targetId} scope="col" title={row.label}>
                  <span aria-hidden="true">{index + 1}</span>
                  <span className="visually-hidden">{row.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.map(({ row, cells }, index) => (
              <tr key={row.targetId} data-testid="votes.pairwise-row" data-label={row.label}>
                <th scope="row">
                  <span className="duel-table__index" aria-hidden="true">
                    {index + 1}
                  </span>
                  {row.label}
                </th>
                {cells.map((cell) =>
                  cell.outcome === 'self' ? (
                    <td key={cell.targetId} className="duel-table__self">
                      <span aria-hidden="true">—</span>
                    </td>
                  ) : (
                    <td
                      key={cell.targetId}
                      className={`duel-table__cell duel-table__cell--${cell.outcome}`}
                      data-testid="votes.pairwise-cell"
                      data-column={labels.get(cell.targetId) ?? ''}
                      data-outcome={cell.outcome}
                      data-value={cell.value ?? ''}
                    >
                      {cell.value === null ? null : formatScore(t.locale, cell.value)}
                      <span className="visually-hidden"> ({outcomeWord(t, cell.outcome)})</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function outcomeWord(t: ReturnType<typeof useT>, outcome: Exclude<DuelOutcome, 'self'>): string {
  return t(OUTCOME_WORDS[outcome]);
}

import { useT } from '../../../i18n/locale';
import type { BalanceRow } from './balanceView';

type Measure = 'here' | 'contributed' | 'voted';

/**
 * The groups' table: per group its members, then how many are here, contributed in the step and
 * voted in the round (when there is one), each a count over the members with a small bar.
 */
export function BalanceTable({
  rows,
  caption,
  voting,
}: {
  rows: BalanceRow[];
  caption: string;
  voting: boolean;
}) {
  const t = useT();
  const measures: Measure[] = voting ? ['here', 'contributed', 'voted'] : ['here', 'contributed'];
  return (
    <table className="balance-table" data-testid="balance.table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('balance.col.group')}</th>
          {measures.map((measure) => (
            <th key={measure} scope="col">
              {t(`balance.col.${measure}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.group}
            className={row.silent ? 'balance-table__row balance-table__row--silent' : 'balance-table__row'}
            data-testid="balance.row"
            data-group={row.group}
            data-silent={row.silent}
            data-members={row.members}
            data-here={row.here}
            data-contributed={row.contributed}
            data-voted={row.voted ?? ''}
          >
            <th scope="row" className="balance-table__name">
              <span className="balance-table__group">{t(`group.${row.group}`)}</span>
              <span className="balance-table__members">{t.plural('balance.members', row.members)}</span>
            </th>
            {measures.map((measure) => (
              <Cell
                key={measure}
                measure={measure}
                count={row[measure] ?? 0}
                total={row.members}
                width={row.bars[measure] ?? 0}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({
  measure,
  count,
  total,
  width,
}: {
  measure: Measure;
  count: number;
  total: number;
  width: number;
}) {
  const t = useT();
  return (
    <td className={`balance-cell balance-cell--${measure}`} data-testid={`balance.${measure}`}>
      {/* "2/3" to the eye, "2 sur 3" to a screen reader. */}
      <span className="balance-cell__count" aria-hidden="true">
        {count}
        <span className="balance-cell__total">/{total}</span>
      </span>
      <span className="visually-hidden">{t('balance.ratio', { count, total })}</span>
      <span className="balance-cell__bar" aria-hidden="true">
        <span className="balance-cell__fill" style={{ width: `${width}%` }} />
      </span>
    </td>
  );
}

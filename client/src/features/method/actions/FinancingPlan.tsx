import { type ActionSheet, financingTotals, formatEuros } from '@atelier/shared';
import { useT } from '../../../i18n/locale';
import { useCanEdit } from '../../../state/store';
import { gapKind } from './entries';
import { FinancingLineRow } from './FinancingLineRow';
import { NewFinancingLine } from './NewFinancingLine';
import { SheetList } from './SheetList';

/** The financing plan (plan de financement): one line per source, with totals and the gap to the budget. */
export function FinancingPlan({ sheet }: { sheet: ActionSheet }) {
  const t = useT();
  const editable = useCanEdit();
  const totals = financingTotals(sheet);
  const euros = (n: number) => formatEuros(n, t.locale);
  const gap = gapKind(totals.gap);
  return (
    <SheetList
      sheetId={sheet.id}
      field="financing"
      className="sheet-financing"
      testId="sheet.financing"
      title={t('sheet.field.financing')}
      empty={sheet.financing.length === 0}
      emptyText={t('sheet.financing.empty')}
      entries={
        <table className="sheet-financing__table">
          <thead>
            <tr>
              <th scope="col">{t('sheet.financing.source')}</th>
              <th scope="col">{t('sheet.financing.label')}</th>
              <th scope="col" className="sheet-financing__amount">
                {t('sheet.financing.amount')}
              </th>
              <th scope="col">{t('sheet.financing.state')}</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{t('sheet.financing.remove', { source: '' })}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sheet.financing.map((line) =>
              editable ? (
                <FinancingLineRow key={line.id} sheetId={sheet.id} line={line} />
              ) : (
                <tr key={line.id} data-testid="sheet.financing-line">
                  <td>{t(`sheet.source.${line.source}`)}</td>
                  <td>{line.label}</td>
                  <td className="sheet-financing__amount">{euros(line.amount)}</td>
                  <td>
                    <span className={`sheet-pill sheet-pill--${line.secured ? 'secured' : 'pending'}`}>
                      {t(line.secured ? 'sheet.financing.secured' : 'sheet.financing.toRequest')}
                    </span>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      }
      newEntry={editable && <NewFinancingLine sheetId={sheet.id} />}
    >
      <dl className="sheet-financing__totals" data-testid="sheet.financing-totals">
        <div>
          <dt>{t('sheet.financing.total')}</dt>
          <dd data-testid="sheet.financing-total">{euros(totals.total)}</dd>
        </div>
        <div>
          <dt>{t('sheet.financing.securedTotal')}</dt>
          <dd>{euros(totals.secured)}</dd>
        </div>
        <div>
          <dt>{t('sheet.financing.toFind')}</dt>
          <dd>{euros(totals.toFind)}</dd>
        </div>
      </dl>
      <p className={`sheet-financing__gap sheet-financing__gap--${gap}`} data-testid="sheet.financing-gap">
        {totals.gap === null || gap === 'none'
          ? t('sheet.financing.noBudget')
          : gap === 'missing'
            ? t('sheet.financing.gapMissing', { amount: euros(totals.gap) })
            : gap === 'over'
              ? t('sheet.financing.gapOver', { amount: euros(-totals.gap) })
              : t('sheet.financing.balanced')}
      </p>
    </SheetList>
  );
}

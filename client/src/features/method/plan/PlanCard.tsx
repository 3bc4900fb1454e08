import { type ReactNode, useId } from 'react';
import { useT } from '../../../i18n/locale';

interface Props {
  title: string;
  /** How many entries the card lists (shown beside the title); none shows `empty` instead. */
  count: number;
  empty: string;
  testId: string;
  /** Under the list: the form that adds an entry, for those who may edit. */
  footer?: ReactNode;
  /** The list itself, shown when there is at least one entry. */
  children: ReactNode;
}

/** A card of the chosen sheet (its partners, its indicators): a titled count, the list or a line saying it is empty, then the form. */
export function PlanCard({ title, count, empty, testId, footer, children }: Props) {
  const titleId = useId();
  return (
    <section className="plan-card" aria-labelledby={titleId} data-testid={testId}>
      <h3 id={titleId} className="plan-card__title">
        {title} <span className="plan-count">{count}</span>
      </h3>
      {count === 0 ? <p className="plan-card__empty">{empty}</p> : children}
      {footer}
    </section>
  );
}

/** The header of a table's last column, which holds each row's remove button. */
export function RemoveColumnHeader() {
  const t = useT();
  return (
    <th scope="col" className="plan-col--remove">
      <span className="visually-hidden">{t('plan.confirm.remove')}</span>
    </th>
  );
}

import { type CSSProperties, type ReactNode, useEffect, useId, useMemo } from 'react';
import { useT } from '../../../../i18n/locale';
import { useBoard } from '../../../../state/store';
import type { FromTables } from '../../../../state/tableFilter';
import { groupByTable, type TableSection } from '../../../../state/tableGroups';
import { TableChip } from '../TableSpace';

/**
 * A step's items in one section per table when this person chose "Grouper par table" (in
 * plenary, once the workshop has tables), else `null`: the step shows its usual view. While
 * grouped, the presenting table's section is scrolled into view when it starts presenting.
 */
export function useTableSections<T extends FromTables>(items: readonly T[]): TableSection<T>[] | null {
  const tables = useBoard((s) => s.tables.tables);
  const grouped = useBoard((s) => s.tableGrouped && s.tables.round === null) && tables.length > 0;
  const presenting = useBoard((s) => (s.tables.round === null ? s.tables.presenting : null));
  const sections = useMemo(
    () =>
      grouped
        ? groupByTable(
            items,
            tables.map((table) => table.id),
          )
        : null,
    [grouped, items, tables],
  );
  useEffect(() => {
    if (!grouped || presenting === null) return;
    const frame = requestAnimationFrame(() => {
      const section = document.querySelector<HTMLElement>(`[data-table-section="${CSS.escape(presenting)}"]`);
      if (section) scrollToTop(section);
    });
    return () => cancelAnimationFrame(frame);
  }, [grouped, presenting]);
  return sections;
}

/** Room above a section scrolled to, so its heading is not against the edge. */
const SCROLL_MARGIN = 8;

/**
 * Brings a section to the top of the box that scrolls it (the issues column, the axes, the
 * plan). Not `scrollIntoView`, which would also scroll the app's clipped boxes out of place.
 */
function scrollToTop(section: HTMLElement): void {
  for (let box = section.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY !== 'auto' && overflowY !== 'scroll') || box.scrollHeight <= box.clientHeight) continue;
    const top = section.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    box.scrollTo({ top: top - SCROLL_MARGIN, behavior: smooth ? 'smooth' : 'auto' });
    return;
  }
}

/**
 * One table's section of a grouped step: its heading (the table's chip, or "Plénière", and
 * how many items) then the step's own list. The heading carries the table for the
 * presenting rule, so it dims with the table's items; the section itself does not (an item
 * merged from the presenting table stays bright under another table).
 */
export function TableSectionBlock({
  table,
  count,
  countLabel,
  className,
  children,
}: {
  table: string | null;
  count: number;
  /** "3 enjeux", "1 axe"… in the step's own words. */
  countLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const known = useBoard((s) => s.tables.tables.find((x) => x.id === table) ?? null);
  return (
    <section
      className={['table-section', className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      data-testid="tables.section"
      data-table-section={table ?? ''}
      data-count={count}
      style={known ? ({ '--table-color': known.color } as CSSProperties) : undefined}
    >
      <h3 className="table-section__heading" id={headingId} data-item-tables={table ?? ''}>
        {known ? (
          <TableChip table={known} />
        ) : (
          <span className="table-section__plenary">{t('give.plenary')}</span>
        )}
        <span className="table-section__count" data-testid="tables.sectionCount">
          <span className="visually-hidden"> — </span>
          {countLabel}
        </span>
      </h3>
      {count === 0 && <p className="table-section__empty">{t('tables.sectionEmpty')}</p>}
      {children}
    </section>
  );
}

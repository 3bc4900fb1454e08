import { useT } from '../../../../i18n/locale';
import { boardStore, useBoard, useTableSpace } from '../../../../state/store';
import { visitedTable } from '../../../../state/tableSpace';
import { SidePanelToggle } from '../../../../ui/SidePanelToggle';
import { TableChip } from '../TableSpace';
import { useActivityTracking } from './activity';

/**
 * The facilitator visiting a table ("Vous visitez Table 2 — Quitter"): their board shows that
 * table's space, read only, until they leave and see the whole room again.
 */
export function VisitBanner() {
  const t = useT();
  const space = useTableSpace();
  const role = useBoard((s) => s.me?.role);
  const leading = useBoard((s) => s.follow !== null && s.follow === s.me?.participantId);
  const table = visitedTable(space, role);
  if (!table) return null;
  return (
    <div
      className="table-round table-visit"
      data-testid="overview.visiting"
      data-table-id={table.id}
      role="status"
    >
      <span>
        {t('overview.visiting')} <TableChip table={table} />
        <span className="table-round__ro"> — {t('overview.visitReadOnly')}</span>
      </span>
      {leading && <span className="table-visit__follow">{t('overview.visitFollow')}</span>}
      <button
        type="button"
        className="button button--primary"
        data-testid="overview.leave"
        aria-label={t('overview.leaveLabel')}
        onClick={() => boardStore.getState().viewTable(null)}
      >
        {t('overview.leave')}
      </button>
    </div>
  );
}

/**
 * The facilitator's bar: "Vue des tables" once the workshop has tables. Mounted for the whole
 * session, it also keeps track of who is active, so the overview knows it when opened.
 */
export function OverviewToggle() {
  const t = useT();
  const hasTables = useBoard((s) => s.tables.tables.length > 0);
  useActivityTracking(hasTables);
  if (!hasTables) return null;
  return (
    <SidePanelToggle panel="overview" testId="overview.toggle">
      {t('overview.toggle')}
    </SidePanelToggle>
  );
}

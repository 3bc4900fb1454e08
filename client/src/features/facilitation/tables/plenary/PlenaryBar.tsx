import { regroupNotesByTable, setPresenting, type Table } from '@atelier/shared';
import { useId } from 'react';
import { useT } from '../../../../i18n/locale';
import { boardStore, useBoard, useShownStep } from '../../../../state/store';
import { useConnection } from '../../../../state/useConnection';
import { shownTable } from '../../../../state/useItemsInSpace';
import { fitToContent } from '../../../../toolbox/canvas/fitToContent';
import { TableChip } from '../TableSpace';
import { nextPresenter } from './presenting';

/**
 * Back in plenary, when the workshop has tables: the table presenting to the room ("Table 3
 * présente", for everyone and on the projector) and the facilitator's controls for it; in
 * step 1 "Regrouper par table"; in steps 2–4 the choice of one table's items.
 */
export function PlenaryBar() {
  const t = useT();
  const tables = useBoard((s) => s.tables.tables);
  const round = useBoard((s) => s.tables.round !== null);
  const presenting = useBoard((s) => s.tables.tables.find((x) => x.id === s.tables.presenting) ?? null);
  const facilitator = useBoard((s) => s.me?.role === 'facilitator' && !s.projector);
  const step = useShownStep();
  if (round || tables.length === 0) return null;
  const board = step === 'assessment' || step === 'issues' || step === 'axes' || step === 'actions';
  // The projector has the choice too: "Grouper par table" is how the room sees each table's work.
  const filterable = board && step !== 'assessment';
  if (!presenting && !facilitator && !filterable) return null;
  return (
    <section className="plenary-bar" data-testid="tables.plenary" aria-label={t('tables.plenary')}>
      {presenting ? (
        <Presenting table={presenting} tables={tables} facilitator={facilitator} />
      ) : (
        facilitator && <PresentPicker tables={tables} />
      )}
      {facilitator && step === 'assessment' && <RegroupButton tables={tables} />}
      {filterable && <TableFilterSelect tables={tables} />}
    </section>
  );
}

/** "Table 3 présente" with, for the facilitator, the next table and the end of the presentations. */
function Presenting({
  table,
  tables,
  facilitator,
}: {
  table: Table;
  tables: readonly Table[];
  facilitator: boolean;
}) {
  const t = useT();
  const control = useConnection().controlDoc;
  const next = nextPresenter(tables, table.id);
  return (
    <>
      <p
        className="plenary-bar__presenting"
        data-testid="tables.presenting"
        data-table-id={table.id}
        role="status"
      >
        <TableChip table={table} /> <span>{t('tables.presents')}</span>
      </p>
      {facilitator && (
        <span className="plenary-bar__actions">
          {next && (
            <button
              type="button"
              className="button"
              data-testid="tables.presentNext"
              title={t('tables.presentNextTitle', { name: next.name })}
              onClick={() => setPresenting(control, next.id)}
            >
              {t('tables.presentNext')}
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid="tables.presentEnd"
            onClick={() => setPresenting(control, null)}
          >
            {t('tables.presentEnd')}
          </button>
        </span>
      )}
    </>
  );
}

/** The facilitator picks the table that presents its work to the room. */
function PresentPicker({ tables }: { tables: readonly Table[] }) {
  const t = useT();
  const control = useConnection().controlDoc;
  const id = useId();
  return (
    <span className="plenary-bar__field">
      <label htmlFor={id}>{t('tables.presentPick')}</label>
      <select
        id={id}
        data-testid="tables.presentPick"
        value=""
        onChange={(event) => {
          if (event.target.value) setPresenting(control, event.target.value);
        }}
      >
        <option value="">{t('tables.presentChoose')}</option>
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.name}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Step 1: each table's notes laid out in its own frame, side by side (one undo puts them back). */
function RegroupButton({ tables }: { tables: readonly Table[] }) {
  const t = useT();
  const connection = useConnection();
  return (
    <button
      type="button"
      className="button"
      data-testid="tables.regroup"
      title={t('tables.regroupTitle')}
      onClick={() => {
        connection.stopCapturing();
        const moved = regroupNotesByTable(
          connection.boardDoc,
          tables.map((table) => table.id),
        );
        connection.stopCapturing();
        const { toast } = boardStore.getState();
        if (moved === 0) toast('info', t('tables.regroupNothing'));
        else {
          toast('success', t.plural('tables.regrouped', moved));
          requestAnimationFrame(() => fitToContent());
        }
      }}
    >
      {t('tables.regroup')}
    </button>
  );
}

/** The select's value for "Grouper par table" (table ids are uuids). */
const GROUPED = '*grouped';

/**
 * Steps 2–4: everyone may show every item, the items grouped by table, or one table's only
 * (their own choice, not the room's; the projector's is its own too).
 */
function TableFilterSelect({ tables }: { tables: readonly Table[] }) {
  const t = useT();
  const id = useId();
  const grouped = useBoard((s) => s.tableGrouped);
  const shown = useBoard(shownTable);
  const value = grouped ? GROUPED : (shown ?? '');
  return (
    <span className="plenary-bar__field">
      <label htmlFor={id}>{t('tables.filter')}</label>
      <select
        id={id}
        data-testid="tables.filter"
        value={value}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen === GROUPED) boardStore.getState().setTableGrouped(true);
          else boardStore.getState().setTableFilter(chosen || null);
        }}
      >
        <option value="">{t('tables.filterAll')}</option>
        <option value={GROUPED}>{t('tables.filterGrouped')}</option>
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.name}
          </option>
        ))}
      </select>
    </span>
  );
}

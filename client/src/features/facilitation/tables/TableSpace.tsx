import type { Table } from '@atelier/shared';
import { useId, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { pickTable } from '../../../api/tables';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard, useTableSpace } from '../../../state/store';
import { mySeat } from '../../../state/tableSpace';
import { goneIds, seatedAt, seatsLeft } from './roster';

/** A table's colour and name, as everyone sees it (header, banners, picker). */
export function TableChip({ table, testId }: { table: Table; testId?: string }) {
  return (
    <span className="table-chip" data-testid={testId} data-table-id={table.id}>
      <span className="table-chip__dot" style={{ background: table.color }} aria-hidden="true" />
      {table.name}
    </span>
  );
}

/** The header: one's own table once seated ("Votre table : Table 2"). */
export function MyTableChip() {
  const t = useT();
  const table = useBoard((s) => mySeat(s.tables, s.me?.participantId));
  if (!table) return null;
  return (
    <span className="board-header__table" title={t('tables.yours', { name: table.name })}>
      <span className="visually-hidden">{t('tables.yoursLabel')} </span>
      <TableChip table={table} testId="tables.mine" />
    </span>
  );
}

/**
 * Participants choosing their table (seating mode `pick`): the tables with the seats left,
 * full ones disabled; picking again moves you. The server keeps the cap (`table_full`).
 */
export function TablePicker({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const { tables, seats, seating } = useBoard((s) => s.tables);
  const me = useBoard((s) => s.me);
  const people = useBoard((s) => s.workshop?.participants);
  const gone = useMemo(() => (people ? goneIds(people) : undefined), [people]);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const headingId = useId();
  if (seating.mode !== 'pick' || me?.role !== 'participant' || tables.length === 0) return null;
  const mine = seats[me.participantId] ?? null;
  if (mine && !open) {
    return (
      <button
        type="button"
        className="button table-picker__change"
        data-testid="tables.change"
        onClick={() => setOpen(true)}
      >
        {t('tables.change')}
      </button>
    );
  }
  const pick = async (table: Table) => {
    setBusy(true);
    try {
      await pickTable(workshopId, table.id, token);
      setOpen(false);
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="table-picker" data-testid="tables.picker" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tables.pickHeading')}</h2>
      <ul>
        {tables.map((table) => {
          const left = seatsLeft(table.id, seats, seating.cap, me.participantId, gone);
          const full = left === 0 && mine !== table.id;
          return (
            <li key={table.id}>
              <button
                type="button"
                className="table-picker__table"
                data-testid="tables.pick"
                data-table-id={table.id}
                aria-pressed={mine === table.id}
                disabled={busy || full}
                style={{ borderColor: table.color }}
                onClick={() => void pick(table)}
              >
                <TableChip table={table} />
                <small>
                  {full
                    ? t('tables.full')
                    : left === null
                      ? t.plural('tables.people', seatedAt(table.id, seats, undefined, gone))
                      : t.plural('tables.seatsLeft', left)}
                </small>
              </button>
            </li>
          );
        })}
      </ul>
      {mine && (
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('tables.cancel')}
        </button>
      )}
    </section>
  );
}

/**
 * During a table round: which table's space one sees, and with open tables the switcher to
 * look at another's (read only). The facilitator's own view of the tables comes later.
 */
export function TableRoundBanner() {
  const t = useT();
  const space = useTableSpace();
  const round = useBoard((s) => s.tables.round);
  const tables = useBoard((s) => s.tables.tables);
  const seat = useBoard((s) => mySeat(s.tables, s.me?.participantId));
  const facilitator = useBoard((s) => s.me?.role === 'facilitator');
  const selectId = useId();
  // A facilitator looking at a table is visiting it: overview/Visit.tsx says so.
  if (!round || space.kind !== 'table' || facilitator) return null;
  const others = tables.filter((x) => x.id !== seat?.id);
  return (
    <div
      className="table-round"
      data-testid="tables.banner"
      data-table-id={space.table.id}
      data-own={space.own}
      role="status"
    >
      <span>
        {t(space.own ? 'tables.working' : 'tables.looking')} <TableChip table={space.table} />
        {!space.own && <span className="table-round__ro"> {t('tables.readOnly')}</span>}
      </span>
      {!round.closed && seat && others.length > 0 && (
        <span className="table-round__switch">
          <label htmlFor={selectId}>{t('tables.lookAt')}</label>
          <select
            id={selectId}
            data-testid="tables.lookAt"
            value={space.own ? '' : space.table.id}
            onChange={(event) => boardStore.getState().viewTable(event.target.value || null)}
          >
            <option value="">{t('tables.mineOption', { name: seat.name })}</option>
            {others.map((table) => (
              <option key={table.id} value={table.id}>
                {table.name}
              </option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
}

/** In a round without a seat: a friendly word in the board's stead (and the picker when people pick). */
export function NoTableYet({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useT();
  const pick = useBoard((s) => s.tables.seating.mode === 'pick');
  return (
    <div className="no-table" data-testid="tables.noSeat">
      <h2>{t('tables.noSeatHeading')}</h2>
      <p>{t(pick ? 'tables.noSeatPick' : 'tables.noSeatWait')}</p>
      <TablePicker workshopId={workshopId} token={token} />
    </div>
  );
}

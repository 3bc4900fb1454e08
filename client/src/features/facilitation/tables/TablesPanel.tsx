import {
  addTable,
  removeTable,
  type SeatingMode,
  seatParticipant,
  setSeating,
  TABLE_CAP_MAX,
  TABLE_NAME_MAX,
  type Table,
  TableInput,
  updateTable,
} from '@atelier/shared';
import {
  DndContext,
  type DragEndEvent,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useEffect, useId, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { balanceTables } from '../../../api/tables';
import { localeStore, useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import { initials } from '../../../toolbox/presence/PresenceBar';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { SidePanel } from '../../../ui/SidePanel';
import { nextTableColor, roster, type SeatedRow, TABLE_PALETTE } from './roster';
import { TableRoundForm } from './TableRound';

interface Props {
  workshopId: string;
  token: string;
  onClose: () => void;
}

/** The drop zone of people with no table. */
const NO_TABLE = 'no-table';
/** A few pixels before a drag starts (a click on the select still works); a long press on touch. */
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const TOUCH_OPTIONS = { activationConstraint: { delay: 250, tolerance: 8 } };
/** dnd-kit's own (English) announcements are silenced: the panel says in French where the person went. */
const QUIET = {
  announcements: {
    onDragStart: () => undefined,
    onDragMove: () => undefined,
    onDragOver: () => undefined,
    onDragEnd: () => undefined,
    onDragCancel: () => undefined,
  },
  screenReaderInstructions: { draggable: '' },
};

/**
 * The facilitator's tables (French: tables): create, rename, recolour, remove; who sits where,
 * moved by drag and drop or each person's select (the keyboard's way); the automatic split;
 * how people get a table; and the table round. Every change is a control-document command
 * (tables.ts) that reaches everyone at once, except the split, which the server makes.
 */
export function TablesPanel({ workshopId, token, onClose }: Props) {
  const t = useT();
  const connection = useConnection();
  const doc = connection.controlDoc;
  const locale = localeStore((s) => s.locale);
  const { tables, seats } = useBoard((s) => s.tables);
  const people = useBoard((s) => s.workshop?.participants);
  const list = useMemo(() => roster(people ?? [], tables, seats, locale), [people, tables, seats, locale]);
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
  );
  const [announce, setAnnounce] = useState('');

  const seat = (person: SeatedRow, table: string | null) => {
    seatParticipant(doc, person.id, table);
    const name = tables.find((x) => x.id === table)?.name;
    setAnnounce(
      name
        ? t('tables.seated', { name: person.name, table: name })
        : t('tables.unseated', { name: person.name }),
    );
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const person = active.data.current as SeatedRow | undefined;
    if (!person || !over) return;
    const table = over.id === NO_TABLE ? null : String(over.id);
    if ((seats[person.id] ?? null) !== table) seat(person, table);
  };

  return (
    <SidePanel
      className="tables-panel"
      testId="tables.panel"
      headingId="tables-heading"
      heading={t('tables.heading')}
      closeTestId="tables.close"
      onClose={onClose}
    >
      <TableRoundForm hasTables={tables.length > 0} />
      <SeatingForm workshopId={workshopId} token={token} hasTables={tables.length > 0} />
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={QUIET}>
        <ul className="tables-panel__tables">
          {tables.map((table) => (
            <li key={table.id}>
              <TableCard table={table} tables={tables} people={list.byTable[table.id] ?? []} onSeat={seat} />
            </li>
          ))}
        </ul>
        <Zone id={NO_TABLE} className="tables-panel__unseated" testId="tables.unseated">
          <h3>{t.plural('tables.unseatedHeading', list.unseated.length)}</h3>
          <PeopleList people={list.unseated} tables={tables} current={null} onSeat={seat} />
        </Zone>
      </DndContext>
      <NewTable used={tables.map((x) => x.color)} count={tables.length} />
    </SidePanel>
  );
}

/** How people get a table, with the cap when they pick; and the automatic split, now. */
function SeatingForm({
  workshopId,
  token,
  hasTables,
}: {
  workshopId: string;
  token: string;
  hasTables: boolean;
}) {
  const t = useT();
  const doc = useConnection().controlDoc;
  const seating = useBoard((s) => s.tables.seating);
  const [busy, setBusy] = useState(false);
  const capId = useId();
  const modes: SeatingMode[] = ['manual', 'balanced', 'pick'];
  const balance = async () => {
    setBusy(true);
    try {
      const { seats } = await balanceTables(workshopId, token);
      boardStore.getState().toast('success', t.plural('tables.balanced', Object.keys(seats).length));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="tables-panel__seating" aria-labelledby="tables-seating">
      <fieldset className="tables-panel__modes">
        <legend id="tables-seating">{t('tables.seatingLegend')}</legend>
        {modes.map((mode) => (
          <label key={mode} className="tables-panel__mode">
            <input
              type="radio"
              name="tables-seating"
              value={mode}
              checked={seating.mode === mode}
              data-testid={`tables.mode.${mode}`}
              onChange={() => setSeating(doc, { mode, cap: mode === 'pick' ? seating.cap : null })}
            />
            <span>
              {t(`tables.mode.${mode}`)}
              <small>{t(`tables.modeHint.${mode}`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {seating.mode === 'pick' && (
        <div className="tables-panel__cap">
          <label htmlFor={capId}>{t('tables.cap')}</label>
          <input
            id={capId}
            type="number"
            min={1}
            max={TABLE_CAP_MAX}
            inputMode="numeric"
            placeholder={t('tables.noCap')}
            data-testid="tables.cap"
            value={seating.cap ?? ''}
            onChange={(event) => {
              const n = Number.parseInt(event.target.value, 10);
              const cap = Number.isFinite(n) ? Math.min(TABLE_CAP_MAX, Math.max(1, n)) : null;
              setSeating(doc, { mode: 'pick', cap });
            }}
          />
        </div>
      )}
      <button
        type="button"
        className="button"
        data-testid="tables.balance"
        disabled={!hasTables || busy}
        onClick={() => void balance()}
      >
        <Icon name="shuffle" size={16} /> {t('tables.balance')}
      </button>
    </section>
  );
}

function Zone({
  id,
  className,
  testId,
  children,
  ...rest
}: {
  id: string;
  className: string;
  testId: string;
  children: React.ReactNode;
  style?: React.CSSProperties;
  'data-table-id'?: string;
}) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      className={`${className}${isOver ? ' tables-panel__zone--over' : ''}`}
      data-testid={testId}
      {...rest}
    >
      {children}
    </div>
  );
}

function TableCard({
  table,
  tables,
  people,
  onSeat,
}: {
  table: Table;
  tables: readonly Table[];
  people: SeatedRow[];
  onSeat: (person: SeatedRow, table: string | null) => void;
}) {
  const t = useT();
  const doc = useConnection().controlDoc;
  const [name, setName] = useState(table.name);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setName(table.name), [table.name]);
  const commit = () => {
    const parsed = TableInput.shape.name.safeParse(name);
    if (parsed.success && parsed.data !== table.name) updateTable(doc, table.id, { name: parsed.data });
    else setName(table.name);
  };
  return (
    <Zone
      id={table.id}
      className="tables-panel__table"
      testId="tables.table"
      data-table-id={table.id}
      style={{ '--table-color': table.color } as React.CSSProperties}
    >
      <div className="tables-panel__table-head">
        <ColorPicker table={table} />
        <input
          type="text"
          className="tables-panel__name"
          value={name}
          maxLength={TABLE_NAME_MAX}
          aria-label={t('tables.name')}
          data-testid="tables.name"
          onChange={(event) => setName(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
        <span className="tables-panel__count" data-testid="tables.count">
          {t.plural('tables.people', people.length)}
        </span>
        <IconButton
          label={t('tables.remove', { name: table.name })}
          testId="tables.remove"
          onClick={() => (people.length > 0 ? setConfirming(true) : removeTable(doc, table.id))}
        >
          <Icon name="trash" size={16} />
        </IconButton>
      </div>
      <PeopleList people={people} tables={tables} current={table.id} onSeat={onSeat} />
      {confirming && (
        <ConfirmDialog
          testId="tables.confirmRemove"
          title={t('tables.removeHeading', { name: table.name })}
          text={t.plural('tables.removeText', people.length)}
          confirmLabel={t('tables.removeConfirm')}
          cancelLabel={t('participants.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            removeTable(doc, table.id);
          }}
        />
      )}
    </Zone>
  );
}

/** The table's colour, from the palette (a small menu of swatches). */
function ColorPicker({ table }: { table: Table }) {
  const t = useT();
  const doc = useConnection().controlDoc;
  const [open, setOpen] = useState(false);
  return (
    <div className="tables-panel__color">
      <button
        type="button"
        className="tables-panel__swatch"
        style={{ background: table.color }}
        aria-label={t('tables.color', { name: table.name })}
        aria-expanded={open}
        data-testid="tables.color"
        onClick={() => setOpen(!open)}
      />
      {open && (
        <fieldset className="popover tables-panel__palette">
          <legend className="visually-hidden">{t('tables.palette')}</legend>
          {TABLE_PALETTE.map((color, i) => (
            <button
              key={color}
              type="button"
              className="tables-panel__swatch"
              style={{ background: color }}
              aria-label={t('tables.paletteColor', { n: i + 1 })}
              aria-pressed={color === table.color}
              onClick={() => {
                updateTable(doc, table.id, { color });
                setOpen(false);
              }}
            />
          ))}
        </fieldset>
      )}
    </div>
  );
}

function PeopleList({
  people,
  tables,
  current,
  onSeat,
}: {
  people: SeatedRow[];
  tables: readonly Table[];
  current: string | null;
  onSeat: (person: SeatedRow, table: string | null) => void;
}) {
  const t = useT();
  if (people.length === 0) return <p className="tables-panel__empty">{t('tables.dropHere')}</p>;
  return (
    <ul className="tables-panel__people">
      {people.map((person) => (
        <Person key={person.id} person={person} tables={tables} current={current} onSeat={onSeat} />
      ))}
    </ul>
  );
}

/** A person: dragged to another table, or moved with the select (keyboard, screen reader). */
function Person({
  person,
  tables,
  current,
  onSeat,
}: {
  person: SeatedRow;
  tables: readonly Table[];
  current: string | null;
  onSeat: (person: SeatedRow, table: string | null) => void;
}) {
  const t = useT();
  const { setNodeRef, listeners, attributes, transform, isDragging } = useDraggable({
    id: person.id,
    data: person,
  });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <li
      ref={setNodeRef}
      className={`tables-panel__person${isDragging ? ' tables-panel__person--dragging' : ''}`}
      style={style}
      data-testid="tables.person"
      data-participant-id={person.id}
      data-name={person.name}
      data-group={person.group}
    >
      {/* The handle takes pointer drags only: the select is the keyboard's way. */}
      <span className="tables-panel__handle" {...listeners} {...attributes} tabIndex={-1} aria-hidden="true">
        <span className="tables-panel__avatar" style={{ background: person.color }}>
          {initials(person.name)}
        </span>
        <span className="tables-panel__who">
          <span className="tables-panel__person-name">{person.name}</span>
          <span className="tables-panel__group">{t(`group.${person.group}`)}</span>
        </span>
      </span>
      <span className="visually-hidden">
        {person.name}, {t(`group.${person.group}`)}
      </span>
      <select
        className="tables-panel__move"
        aria-label={t('tables.moveLabel', { name: person.name })}
        data-testid="tables.move"
        value={current ?? ''}
        onChange={(event) => onSeat(person, event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('tables.noTable')}</option>
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.name}
          </option>
        ))}
      </select>
    </li>
  );
}

function NewTable({ used, count }: { used: string[]; count: number }) {
  const t = useT();
  const doc = useConnection().controlDoc;
  const add = () =>
    addTable(doc, { name: t('tables.defaultName', { n: count + 1 }), color: nextTableColor(used) });
  return (
    <button type="button" className="button button--primary" data-testid="tables.add" onClick={add}>
      <Icon name="plus" size={16} /> {t('tables.add')}
    </button>
  );
}

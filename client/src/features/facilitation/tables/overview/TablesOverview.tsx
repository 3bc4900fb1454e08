import {
  formatRemaining,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Table,
  type TableCounts,
  tableCountsReader,
} from '@atelier/shared';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { localeStore, useT } from '../../../../i18n/locale';
import { usePresence } from '../../../../state/presenceStores';
import { boardStore, useBoard } from '../../../../state/store';
import { useBoardValue } from '../../../../state/useBoardValue';
import { useRemaining } from '../../../../toolbox/time/useRemaining';
import { Icon } from '../../../../ui/Icon';
import { SidePanel } from '../../../../ui/SidePanel';
import { TableChip } from '../TableSpace';
import { activityStore, isActive } from './activity';
import { type Miniature, type OverviewCard, overviewCards, stepCount, tableMiniatures } from './overview';
import { TableMessageForm } from './TableMessages';

/** How often "active in the last two minutes" is looked at again with nothing else changing. */
const TICK_MS = 10_000;
const KINDS = ['notes', 'issues', 'axes', 'sheets'] as const;

/**
 * The facilitator's view of the tables (French: vue des tables): one card per table with its
 * people (active, connected, offline), what it made so far, the room's timer, "Visiter" (look
 * at its space, read only) and a message to it; messages to one table or all below.
 */
export function TablesOverview({ onClose }: { onClose: () => void }) {
  const t = useT();
  const cards = useOverviewCards();
  const round = useBoard((s) => s.tables.round);
  const viewed = useBoard((s) => s.viewedTable);
  const [target, setTarget] = useState<string | null>(null);
  const [focusMessage, requestFocus] = useReducer((n: number) => n + 1, 0);
  const primary = stepCount(round?.step ?? null);
  const notes = useBoard((s) => s.notes);
  const minis = useMemo(() => tableMiniatures(notes, { width: NOTE_WIDTH, height: NOTE_HEIGHT }), [notes]);

  return (
    <SidePanel
      className="overview-panel"
      testId="overview.panel"
      headingId="overview-heading"
      heading={t('overview.heading')}
      closeTestId="overview.close"
      onClose={onClose}
    >
      <div className="overview-panel__round" data-testid="overview.round" data-on={round !== null}>
        <p>{round ? t('overview.roundOn', { step: t(`steps.${round.step}`) }) : t('overview.noRound')}</p>
        <RoundTime />
      </div>
      {cards.length === 0 ? (
        <p className="tables-panel__hint">{t('overview.noTables')}</p>
      ) : (
        <ul className="overview-panel__cards">
          {cards.map((card) => (
            <li key={card.table.id}>
              <TableCard
                card={card}
                miniature={minis[card.table.id] ?? null}
                primary={primary}
                canVisit={round !== null}
                visiting={viewed === card.table.id}
                onMessage={() => {
                  setTarget(card.table.id);
                  requestFocus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {cards.length > 0 && (
        <TableMessageForm target={target} onTarget={setTarget} focusRequest={focusMessage} />
      )}
    </SidePanel>
  );
}

/** The cards' data, recomputed when tables, seats, people, counts or someone's activity change. */
function useOverviewCards(): OverviewCard[] {
  const tables = useBoard((s) => s.tables.tables);
  const seats = useBoard((s) => s.tables.seats);
  const participants = useBoard((s) => s.workshop?.participants);
  const present = usePresence((s) => s.people);
  const locale = localeStore((s) => s.locale);
  const counts = useStableCounts();
  // A new "now" every few seconds, so that two quiet minutes turn someone from active to connected.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  // Re-render when the set of active people changes, not at each pointer move.
  const activeKey = useStore(activityStore, (s) =>
    Object.keys(s.lastActive)
      .filter((who) => isActive(s.lastActive, who, now))
      .sort()
      .join(','),
  );
  return useMemo(() => {
    void activeKey;
    return overviewCards({
      tables,
      seats,
      participants: participants ?? [],
      present,
      lastActive: activityStore.getState().lastActive,
      counts,
      now,
      locale,
    });
  }, [tables, seats, participants, present, counts, locale, now, activeKey]);
}

/** Counts per table, the same object while they stay the same (a note dragged changes no count). */
function useStableCounts(): Readonly<Record<string, TableCounts>> {
  const counts = useBoardValue(tableCountsReader);
  const last = useRef(counts);
  if (last.current !== counts && JSON.stringify(last.current) !== JSON.stringify(counts))
    last.current = counts;
  return last.current;
}

/** The room's timer (the round's: the same for every table). */
function RoundTime() {
  const t = useT();
  const timer = useBoard((s) => s.control.timer);
  const remaining = useRemaining(timer);
  if (!timer || remaining === null)
    return <span className="overview-panel__time muted">{t('overview.noTimer')}</span>;
  const time = formatRemaining(remaining);
  return (
    <span className="overview-panel__time" data-testid="overview.time">
      <Icon name="timer" size={16} />
      {t(timer.endsAt === null ? 'overview.timerPaused' : 'overview.timeLeft', { time })}
    </span>
  );
}

function TableCard({
  card,
  miniature,
  primary,
  canVisit,
  visiting,
  onMessage,
}: {
  card: OverviewCard;
  miniature: Miniature | null;
  primary: keyof TableCounts | null;
  canVisit: boolean;
  visiting: boolean;
  onMessage: () => void;
}) {
  const t = useT();
  const { table, people, counts } = card;
  // The round's kind of item first, then whatever else the table made.
  const kinds = KINDS.filter((k) => k === primary || counts[k] > 0).sort(
    (a, b) => Number(b === primary) - Number(a === primary),
  );
  const shown = kinds.length > 0 ? kinds : (['notes'] as const);
  return (
    <article
      className={visiting ? 'overview-card overview-card--visiting' : 'overview-card'}
      style={{ borderLeftColor: table.color }}
      data-testid="overview.card"
      data-table-id={table.id}
      aria-label={table.name}
    >
      <div className="overview-card__head">
        <TableChip table={table} />
        <span className="overview-card__presence" data-testid="overview.presence">
          {t.plural('overview.seated', people.length)} · {t.plural('overview.online', card.online)} ·{' '}
          <span data-testid="overview.activeCount" data-count={card.active}>
            {t.plural('overview.active', card.active)}
          </span>
        </span>
      </div>
      <div className="overview-card__body">
        {miniature && <MiniBoard miniature={miniature} table={table} />}
        <ul className="overview-card__counts" aria-label={t('overview.counts', { name: table.name })}>
          {shown.map((kind) => (
            <li
              key={kind}
              data-testid="overview.count"
              data-kind={kind}
              data-count={counts[kind]}
              className={kind === primary ? 'overview-card__count--primary' : undefined}
            >
              {t.plural(`overview.count.${kind}`, counts[kind])}
            </li>
          ))}
        </ul>
      </div>
      {people.length === 0 ? (
        <p className="overview-card__nobody muted">{t('overview.nobody')}</p>
      ) : (
        <ul className="overview-card__people">
          {people.map((person) => {
            const state = t(`overview.state.${person.state}`);
            return (
              <li
                key={person.id}
                data-testid="overview.person"
                data-state={person.state}
                data-name={person.name}
                title={t('overview.personState', { name: person.name, state })}
              >
                <span className={`overview-dot overview-dot--${person.state}`} aria-hidden="true" />
                {person.name}
                <span className="visually-hidden"> ({state})</span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="overview-card__actions">
        <button
          type="button"
          className={visiting ? 'button button--primary' : 'button'}
          data-testid="overview.visit"
          aria-pressed={visiting}
          aria-label={t('overview.visitLabel', { name: table.name })}
          title={canVisit ? undefined : t('overview.noRound')}
          disabled={!canVisit}
          onClick={() => boardStore.getState().viewTable(visiting ? null : table.id)}
        >
          <Icon name="eye" size={16} />
          {t('overview.visit')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="overview.messageTo"
          aria-label={t('overview.message', { name: table.name })}
          onClick={onMessage}
        >
          {t('overview.messageShort')}
        </button>
      </div>
    </article>
  );
}

/** A table's notes, drawn small where they lie on the board (decoration: the counts say it in words). */
function MiniBoard({ miniature, table }: { miniature: Miniature; table: Table }) {
  const { box, notes } = miniature;
  const pad = NOTE_WIDTH / 2;
  return (
    <svg
      className="overview-card__mini"
      data-testid="overview.mini"
      viewBox={`${box.x - pad} ${box.y - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      {notes.map((note) => (
        <rect
          key={note.id}
          x={note.x}
          y={note.y}
          width={NOTE_WIDTH}
          height={NOTE_HEIGHT}
          rx={NOTE_WIDTH / 12}
          fill={table.color}
          fillOpacity={0.75}
        />
      ))}
    </svg>
  );
}

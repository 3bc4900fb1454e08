import { ADVISED_MAX_AXES, attachIssue, deleteAxis, rankAxis } from '@atelier/shared';
import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  MeasuringStrategy,
} from '@dnd-kit/core';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, canEdit, useBoard, useCanEdit } from '../../../state/store';
import { useBoardValue } from '../../../state/useBoardValue';
import { useConnection } from '../../../state/useConnection';
import { HistoryButtons } from '../../../toolbox/commands/HistoryButtons';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { focusSoon } from '../../../ui/focusSoon';
import { Icon } from '../../../ui/Icon';
import { DealOut } from '../../facilitation/tables/give/DealOut';
import { TableSectionBlock, useTableSections } from '../../facilitation/tables/plenary/TableSections';
import { AxisColumn } from './AxisColumn';
import { axesAccessibility } from './announcements';
import {
  type AxesBoard,
  type AxisView,
  axesBoardReader,
  findIssue,
  useAxesInSpace,
  zoneAxis,
} from './axesBoard';
import { useAxesSensors, zoneCollision } from './dnd';
import { IssueCardOverlay, issueHandleSelector, issueMenuSelector } from './IssueCard';
import { NewAxis } from './NewAxis';
import { Pool } from './Pool';

/** Drop zones are measured again while a card is carried: the columns may scroll. */
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

/**
 * Step 3, strategic axes (French: axes stratégiques): two or three axes that group the
 * priority issues and guide public action. One column per axis, in order, with its issues
 * and its count of action sheets; the pool of ranked issues not attached yet on the left.
 * Issues move by drag and drop (mouse, touch, keyboard) or with each card's menu.
 */
export function AxesStep({ commands }: { commands: BoardCommands }) {
  const t = useT();
  const connection = useConnection();
  const editable = useCanEdit();
  const projector = useBoard((s) => s.projector);
  const board = useAxesInSpace(useBoardValue(axesBoardReader));
  const sections = useTableSections(board.axes);
  const boardRef = useRef<AxesBoard>(board);
  boardRef.current = board;
  const [activeId, setActiveId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AxisView | null>(null);
  const [creating, setCreating] = useState(false);
  const sensors = useAxesSensors();
  const headingId = useId();

  const writable = useCallback(() => canEdit(boardStore.getState()), []);

  const attach = useCallback(
    (issueId: string, axisId: string | null, refocus: 'handle' | 'menu' | null = 'menu') => {
      if (!writable()) return;
      attachIssue(connection.boardDoc, issueId, axisId);
      connection.stopCapturing();
      if (refocus === 'handle') focusSoon(issueHandleSelector(issueId));
      else if (refocus === 'menu') focusSoon(issueMenuSelector(issueId));
    },
    [connection, writable],
  );

  const move = useCallback(
    (axisId: string, by: -1 | 1) => {
      if (!writable()) return;
      const ids = boardRef.current.axes.map((axis) => axis.id);
      const index = ids.indexOf(axisId);
      const target = index + by;
      if (index < 0 || target < 0 || target >= ids.length) return;
      // Between the two axes around its new place.
      const after = by === -1 ? (ids[target - 1] ?? null) : (ids[target] ?? null);
      const before = by === -1 ? (ids[target] ?? null) : (ids[target + 1] ?? null);
      rankAxis(connection.boardDoc, axisId, after, before);
      connection.stopCapturing();
      // Focus stays on the arrow pressed, or the other one when the axis reached an end.
      const button = (which: string) => `[data-testid="axes.${which}"][data-axis-id="${CSS.escape(axisId)}"]`;
      const pressed = by === -1 ? 'move-left' : 'move-right';
      const other = by === -1 ? 'move-right' : 'move-left';
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLButtonElement>(button(pressed));
        (first && !first.disabled ? first : document.querySelector<HTMLElement>(button(other)))?.focus();
      });
    },
    [connection, writable],
  );

  const remove = useCallback(
    (axis: AxisView) => {
      setDeleting(null);
      if (!writable()) return;
      deleteAxis(connection.boardDoc, axis.id);
      connection.stopCapturing();
      focusSoon('[data-testid="axes.new"]');
      boardStore.getState().toast('success', t('axes.deleted', { title: axis.title || t('axes.untitled') }));
    },
    [connection, writable, t],
  );

  const onDragStart = ({ active }: DragStartEvent) => setActiveId(String(active.id));
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setActiveId(null);
    if (!over) return;
    const id = String(active.id);
    const axisId = zoneAxis(String(over.id));
    const issue = findIssue(boardRef.current, id);
    if (!issue || issue.axis === axisId) return;
    attach(id, axisId, activatorEvent instanceof KeyboardEvent ? 'handle' : null);
  };

  const accessibility = useMemo(() => axesAccessibility(t, () => boardRef.current), [t]);

  const active = activeId ? findIssue(board, activeId) : undefined;
  const columnOf = (axis: AxisView, movable: boolean) => (
    <AxisColumn
      key={axis.id}
      axis={axis}
      index={board.axes.indexOf(axis)}
      axes={board.axes}
      editable={editable}
      projector={projector}
      movable={movable}
      onAttach={attach}
      onMove={move}
      onDelete={setDeleting}
    />
  );
  const newAxis = <NewAxis count={board.axes.length} onClose={() => setCreating(false)} />;
  const tooMany = board.axes.length > ADVISED_MAX_AXES;

  return (
    <section
      className={projector ? 'axes axes--projector' : 'axes'}
      aria-labelledby={headingId}
      data-testid="axes.step"
    >
      <header className="axes__head step-head">
        <div className="axes__intro">
          <h2 id={headingId}>{t('axes.heading')}</h2>
          {!projector && <p className="hint">{t('axes.intro')}</p>}
        </div>
        {editable && (
          <div className="axes__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="axes.new"
              aria-expanded={creating}
              onClick={() => {
                setCreating(true);
                focusSoon('[data-testid="axes.new-title"]');
              }}
            >
              <Icon name="plus" />
              {t('axes.new')}
            </button>
            <DealOut kind="axes" count={board.axes.length} />
            <HistoryButtons commands={commands} testIdPrefix="axes" />
          </div>
        )}
      </header>
      {tooMany && !projector && (
        <p className="axes__warning" role="status" data-testid="axes.warning">
          <span aria-hidden="true">⚠</span> {t('axes.tooMany')}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={zoneCollision}
        measuring={MEASURING}
        accessibility={accessibility}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <div className="axes__body">
          <Pool board={board} editable={editable} onAttach={attach} />
          {sections ? (
            <div className="axes__sections" data-testid="axes.sections">
              {editable && (
                <p className="hint" data-testid="axes.groupedHint">
                  {t('tables.groupedNoMoving')}
                </p>
              )}
              {sections.map((section) => (
                <TableSectionBlock
                  key={section.table ?? ''}
                  table={section.table}
                  count={section.items.length}
                  countLabel={t.plural('tables.axesCount', section.items.length)}
                  className="axes-section"
                >
                  {/* A new axis is made in plenary: its form is in the plenary's section. */}
                  {(section.items.length > 0 || (section.table === null && editable && creating)) && (
                    <ol className="axes__columns" data-testid="axes.columns" aria-label={t('axes.heading')}>
                      {section.items.map((axis) => columnOf(axis, false))}
                      {section.table === null && editable && creating && newAxis}
                    </ol>
                  )}
                </TableSectionBlock>
              ))}
            </div>
          ) : (
            <ol className="axes__columns" data-testid="axes.columns" aria-label={t('axes.heading')}>
              {board.axes.map((axis) => columnOf(axis, true))}
              {editable && creating && newAxis}
              {board.axes.length === 0 && !creating && (
                <li className="axes__empty" data-testid="axes.empty">
                  {editable ? t('axes.noAxis') : t('axes.noAxisReadOnly')}
                </li>
              )}
            </ol>
          )}
        </div>
        <DragOverlay dropAnimation={null}>{active ? <IssueCardOverlay issue={active} /> : null}</DragOverlay>
      </DndContext>
      {deleting && (
        <ConfirmDialog
          title={t('axes.confirm.title', { title: deleting.title || t('axes.untitled') })}
          text={[
            deleting.issues.length === 0
              ? t('axes.confirm.noIssues')
              : t.plural('axes.confirm.issues', deleting.issues.length),
            deleting.sheets === 0
              ? t('axes.confirm.noSheets')
              : t.plural('axes.confirm.sheets', deleting.sheets),
            t('axes.confirm.undo'),
          ].join(' ')}
          confirmLabel={t('axes.confirm.ok')}
          cancelLabel={t('axes.confirm.cancel')}
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
          testId="axes.confirm"
        />
      )}
    </section>
  );
}

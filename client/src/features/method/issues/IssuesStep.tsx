import { type ClusterHead, clusterListReader } from '@atelier/shared';
import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  getClientRect,
  type MeasuringConfiguration,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard, useCanEdit } from '../../../state/store';
import { useBoardValue } from '../../../state/useBoardValue';
import { useConnection } from '../../../state/useConnection';
import { useItemsInSpace } from '../../../state/useItemsInSpace';
import { NO_ISSUES, viewStore } from '../../../state/view';
import { Canvas } from '../../../toolbox/canvas/Canvas';
import { useBoardSensors } from '../../../toolbox/canvas/dnd';
import { findFreeSpot, NOTE_HEIGHT, NOTE_WIDTH, placeNewNote } from '../../../toolbox/canvas/geometry';
import { Toolbar } from '../../../toolbox/canvas/Toolbar';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { focusSoon } from '../../../ui/focusSoon';
import { issuesAccessibility } from './announcements';
import { BoardPane } from './BoardPane';
import { boardNotePositions, countUnsorted, dropPoint } from './boardNotes';
import { DragPreview } from './DragPreview';
import { ISSUES_KEYBOARD_OPTIONS, issuesCollision, parseDragId } from './dragTargets';
import { IssueColumn, type NewIssueDraft } from './IssueColumn';
import { useNotesByIssue } from './sortedNotes';
import { useIssueCommands } from './useIssueCommands';

interface Props {
  commands: BoardCommands;
  /** Board point under the pointer, for the N shortcut. */
  pointerRef: RefObject<{ x: number; y: number } | null>;
}

/**
 * A note is placed by its own CSS transform: dnd-kit's default measure leaves transforms
 * out, which would start the overlay at the board's origin instead of on the note.
 */
const MEASURING: MeasuringConfiguration = { draggable: { measure: getClientRect } };
/** The issues column scrolls when a drag nears its top or bottom edge (not the board: it pans). */
const AUTO_SCROLL = { threshold: { x: 0, y: 0.12 } };

/**
 * Step 2, priority issues (enjeux prioritaires): the notes not sorted yet on the board
 * people know, beside the ranked "Enjeux" column. One drag context spans both panes: a
 * note goes from the board to an issue, a chip from an issue to another or back to the
 * board, an issue up or down the ranking; the keyboard jumps between these targets.
 */
export function IssuesStep({ commands, pointerRef }: Props) {
  const t = useT();
  const connection = useConnection();
  const editable = useCanEdit();
  const issueCommands = useIssueCommands();
  const listed = useBoardValue(clusterListReader);
  const issues = useItemsInSpace(listed);
  // The notes of an issue hidden by the table filter stay off the board all the same.
  const existing = useItemsInSpace(listed, { byTable: false });
  const notesByIssue = useNotesByIssue();
  const [active, setActive] = useState<UniqueIdentifier | null>(null);
  const [draft, setDraft] = useState<NewIssueDraft | null>(null);
  const sensors = useBoardSensors(ISSUES_KEYBOARD_OPTIONS);

  const issuesRef = useRef<readonly ClusterHead[]>(issues);
  issuesRef.current = issues;
  const accessibility = useMemo(() => issuesAccessibility(t, () => issuesRef.current), [t]);

  // A stable set (a selector input of the note layer): it changes only when issues come or go.
  const idsKey = existing.map((issue) => issue.id).join('\n');
  const hiddenClusters = useMemo(() => new Set(idsKey === '' ? [] : idsKey.split('\n')), [idsKey]);
  const hiddenRef = useRef(hiddenClusters);
  hiddenRef.current = hiddenClusters;
  // For fitting the board to its notes (toolbar, first view, projector): a layout effect, so
  // that it is set before the canvas's first fit, an effect of a child.
  useLayoutEffect(() => {
    viewStore.getState().setHiddenIssues(hiddenClusters);
    return () => viewStore.getState().setHiddenIssues(NO_ISSUES);
  }, [hiddenClusters]);
  const activeItem = active === null ? null : parseDragId(active);
  const boardActive = activeItem?.kind === 'note' ? activeItem.noteId : null;
  const sharedDrag = useMemo(
    () => ({ activeId: boardActive, hiddenClusters }),
    [boardActive, hiddenClusters],
  );

  const onBack = useCallback(
    (noteId: string) => {
      const note = boardStore.getState().notes[noteId];
      if (!note) return;
      const centre = { x: note.x + NOTE_WIDTH / 2, y: note.y + NOTE_HEIGHT / 2 };
      const cluster = note.cluster;
      if (issueCommands.unsort(noteId, findFreeSpot(centre, boardNotePositions(hiddenRef.current, noteId)))) {
        // The chip is gone: the focus goes to its issue's handle rather than to the page.
        if (cluster) focusSoon(`[data-issue-id="${cluster}"] [data-testid="issues.handle"]`);
      }
    },
    [issueCommands],
  );

  const onCreate = (title: string, noteId: string | null) => {
    const note = noteId ? boardStore.getState().notes[noteId] : undefined;
    const id = issueCommands.create(
      title,
      note ? note.id : null,
      note ? { x: note.x, y: note.y } : { x: 0, y: 0 },
    );
    if (id === null) return;
    setDraft(null);
    focusSoon(`[data-issue-id="${id}"] [data-testid="issues.title"]`);
  };

  const endPresence = () => connection.setPresence({ dragging: null });

  const onDragStart = ({ active: started, activatorEvent }: DragStartEvent) => {
    setActive(started.id);
    const item = parseDragId(started.id);
    if (item.kind !== 'note' && item.kind !== 'chip') return;
    if (
      item.kind === 'note' &&
      activatorEvent instanceof PointerEvent &&
      activatorEvent.target instanceof Element
    ) {
      // As in step 1: the pointer is captured by the note, so Chrome does not hit-test the board at each move.
      activatorEvent.target.closest('.note')?.setPointerCapture(activatorEvent.pointerId);
    }
    const state = boardStore.getState();
    if (item.kind === 'note') state.select(item.noteId);
    state.openPicker(null);
    if (!state.notes[item.noteId]?.draft) connection.setPresence({ dragging: item.noteId });
  };

  const onDragCancel = () => {
    setActive(null);
    endPresence();
  };

  const onDragEnd = ({ active: dropped, over, delta, activatorEvent }: DragEndEvent) => {
    setActive(null);
    endPresence();
    const item = parseDragId(dropped.id);
    const target = over ? parseDragId(over.id) : null;
    const keyboard = activatorEvent instanceof KeyboardEvent;

    if (item.kind === 'issue') {
      if (target?.kind !== 'issue' || target.clusterId === item.clusterId) return;
      const ids = issuesRef.current.map((issue) => issue.id);
      const from = ids.indexOf(item.clusterId);
      const to = ids.indexOf(target.clusterId);
      if (from === -1 || to === -1) return;
      const moved = arrayMove(ids, from, to);
      issueCommands.rank(item.clusterId, moved[to - 1] ?? null, moved[to + 1] ?? null);
      if (keyboard) focusSoon(`[data-issue-id="${item.clusterId}"] [data-testid="issues.handle"]`);
      return;
    }
    if (item.kind !== 'note' && item.kind !== 'chip') return;
    const { notes } = boardStore.getState();
    const note = notes[item.noteId];
    if (!note || !target) return;
    if (note.draft && target.kind !== 'board') {
      boardStore.getState().toast('info', t('issues.draftNote'));
      return;
    }
    const focusChip = () => {
      if (keyboard)
        focusSoon(`[data-testid="issues.chip"][data-note-id="${note.id}"] [data-testid="issues.chip-body"]`);
    };
    switch (target.kind) {
      case 'issue':
        if (item.kind === 'chip' && note.cluster === target.clusterId) return;
        if (issueCommands.sort(note.id, target.clusterId)) focusChip();
        return;
      case 'chip': {
        const before = notes[target.noteId];
        if (target.noteId === note.id || !before?.cluster) return;
        if (issueCommands.sort(note.id, before.cluster, before.id)) focusChip();
        return;
      }
      case 'new':
        setDraft((current) => ({ noteId: note.id, seq: (current?.seq ?? 0) + 1 }));
        return;
      case 'board': {
        if (item.kind === 'note') {
          // As in step 1: the drop commits the move, the screen delta divided by the zoom.
          const zoom = viewStore.getState().viewport.zoom;
          if (delta.x !== 0 || delta.y !== 0) {
            commands.move(note.id, { x: note.x + delta.x / zoom, y: note.y + delta.y / zoom });
          }
          return;
        }
        const point = dropPoint(dropped);
        const at = point
          ? placeNewNote(point, boardNotePositions(hiddenRef.current, note.id))
          : { x: note.x, y: note.y };
        if (issueCommands.unsort(note.id, at) && keyboard) {
          focusSoon(`[data-testid="note"][data-note-id="${note.id}"]`);
        }
        return;
      }
      case 'note':
        return;
    }
  };

  const unsorted = useBoard((s) => countUnsorted(s.notes, hiddenClusters));

  return (
    <DndContext
      sensors={sensors}
      accessibility={accessibility}
      collisionDetection={issuesCollision}
      measuring={MEASURING}
      autoScroll={AUTO_SCROLL}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <div className="issues-step" data-testid="issues.step">
        <BoardPane label={t('issues.boardLabel')}>
          <Canvas commands={commands} pointerRef={pointerRef} sharedDrag={sharedDrag} />
          <Toolbar commands={commands} />
          {unsorted === 0 && issues.length > 0 && (
            <p className="issues-step__done" data-testid="issues.all-sorted">
              {t('issues.allSorted')}
            </p>
          )}
        </BoardPane>
        <IssueColumn
          issues={issues}
          notesByIssue={notesByIssue}
          editable={editable}
          commands={issueCommands}
          draft={editable ? draft : null}
          onDraft={setDraft}
          onCreate={onCreate}
          onBack={onBack}
        />
      </div>
      <DragOverlay dropAnimation={null} zIndex={1000}>
        {active !== null ? <DragPreview id={active} issues={issues} notesByIssue={notesByIssue} /> : null}
      </DragOverlay>
    </DndContext>
  );
}

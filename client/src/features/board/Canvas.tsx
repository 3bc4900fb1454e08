import { DndContext, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/locale';
import { boardStore, useBoard, useCanEdit } from '../../state/store';
import { throttleLatest } from '../../sync/throttle';
import { useConnection } from '../../sync/useConnection';
import { Cursors } from '../presence/Cursors';
import { dndAccessibility, useBoardSensors } from './dnd';
import { fitRect, notesBounds, screenToBoard } from './geometry';
import { NoteCard } from './NoteCard';
import type { BoardCommands } from './useCommands';
import { usePanZoom } from './usePanZoom';
import { useVisibleNoteIds } from './useVisibleNotes';

/** Awareness cursor updates: at most 20 per second. */
const CURSOR_INTERVAL_MS = 50;

interface Props {
  commands: BoardCommands;
  /** Board point under the pointer, for the N shortcut. */
  pointerRef: React.RefObject<{ x: number; y: number } | null>;
}

/** The pannable, zoomable board with its notes and the others' cursors. */
export function Canvas({ commands, pointerRef }: Props) {
  const t = useT();
  const connection = useConnection();
  const canvasRef = useRef<HTMLElement>(null);
  const moved = usePanZoom(canvasRef);
  const notes = useBoard((s) => s.notes);
  const viewport = useBoard((s) => s.viewport);
  const size = useBoard((s) => s.canvasSize);
  const editingId = useBoard((s) => s.editingId);
  const loaded = useBoard((s) => s.boardLoaded);
  const editable = useCanEdit();
  const [activeId, setActiveId] = useState<string | null>(null);
  const ids = useVisibleNoteIds(notes, viewport, size, activeId, editingId);
  const sensors = useBoardSensors();
  const accessibility = useMemo(() => dndAccessibility(t), [t]);
  const empty = loaded && Object.keys(notes).length === 0;

  // Canvas size, and the first view: board origin in the middle, or all notes once they load.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let centred = false;
    const observer = new ResizeObserver(() => {
      const rect = canvas.getBoundingClientRect();
      const state = boardStore.getState();
      state.setCanvasSize({ width: rect.width, height: rect.height });
      if (!centred && rect.width > 0) {
        centred = true;
        state.setViewport({ x: rect.width / 2, y: rect.height / 2, zoom: 1 });
      }
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || !loaded || size.width === 0) return;
    fitted.current = true;
    const bounds = notesBounds(Object.values(boardStore.getState().notes));
    if (bounds) boardStore.getState().setViewport(fitRect(bounds, size));
  }, [loaded, size]);

  const sendCursor = useMemo(
    () =>
      throttleLatest(
        (cursor: { x: number; y: number }) => connection.setPresence({ cursor }),
        CURSOR_INTERVAL_MS,
      ),
    [connection],
  );
  useEffect(() => () => sendCursor.cancel(), [sendCursor]);

  const boardPoint = (event: React.MouseEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return screenToBoard(boardStore.getState().viewport, {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
    });
  };
  const onEmpty = (event: React.MouseEvent) => !(event.target as Element).closest('.note, .theme-picker');

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id);
    setActiveId(id);
    boardStore.getState().select(id);
    boardStore.getState().openPicker(null);
    connection.setPresence({ dragging: id });
  };
  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    const id = String(active.id);
    const note = boardStore.getState().notes[id];
    const zoom = boardStore.getState().viewport.zoom;
    if (note && (delta.x !== 0 || delta.y !== 0)) {
      commands.move(id, { x: note.x + delta.x / zoom, y: note.y + delta.y / zoom });
    }
    setActiveId(null);
    connection.setPresence({ dragging: null });
  };
  const onDragCancel = () => {
    setActiveId(null);
    connection.setPresence({ dragging: null });
  };

  const grid = 24 * viewport.zoom;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking the empty board deselects; Escape does the same from the keyboard.
    <section
      ref={canvasRef}
      className="canvas"
      data-testid="board.canvas"
      aria-label={t('board.canvasLabel')}
      style={{
        backgroundSize: `${grid}px ${grid}px`,
        backgroundPosition: `${viewport.x}px ${viewport.y}px`,
      }}
      onPointerMove={(event) => {
        const point = boardPoint(event);
        pointerRef.current = point;
        sendCursor(point);
      }}
      onPointerLeave={() => {
        pointerRef.current = null;
        sendCursor.cancel();
        connection.setPresence({ cursor: null });
      }}
      onClick={(event) => {
        if (onEmpty(event) && !moved.current) {
          const state = boardStore.getState();
          state.select(null);
          state.openPicker(null);
        }
      }}
      onDoubleClick={(event) => {
        if (onEmpty(event) && editable) commands.addNote(boardPoint(event));
      }}
    >
      <div
        className="canvas__world"
        style={{ transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` }}
      >
        <DndContext
          sensors={sensors}
          accessibility={accessibility}
          autoScroll={false}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          {ids.map((id) => (
            <NoteCard key={id} id={id} commands={commands} />
          ))}
        </DndContext>
        <Cursors />
      </div>
      {empty && editable && <p className="canvas__empty">{t('board.empty')}</p>}
    </section>
  );
}

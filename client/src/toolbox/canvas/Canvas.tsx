import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/locale';
import { boardStore, useBoard, useCanEdit, useShownStep } from '../../state/store';
import type { Viewport } from '../../state/types';
import { useConnection } from '../../state/useConnection';
import { viewStore } from '../../state/view';
import { throttleLatest } from '../../sync/throttle';
import type { BoardCommands } from '../commands/useCommands';
import { NoteLayer, type SharedNoteDrag } from '../notes/NoteLayer';
import { Cursors } from '../presence/Cursors';
import { contentViewport } from './fitToContent';
import { FAR_ZOOM, screenToBoard } from './geometry';
import { usePanZoom } from './usePanZoom';

/** Awareness cursor updates: at most 20 per second. */
const CURSOR_INTERVAL_MS = 50;
const GRID = 24;

interface Props {
  commands: BoardCommands;
  /** Board point under the pointer, for the N shortcut. */
  pointerRef: React.RefObject<{ x: number; y: number } | null>;
  /** Step 2: the notes are dragged in the step's context (see NoteLayer). */
  sharedDrag?: SharedNoteDrag | undefined;
  /** Drawn in board units under the notes (step 1 in plenary: the tables' frames). */
  underlay?: React.ReactNode;
}

/**
 * The pannable, zoomable board. Pan and zoom write the world's transform and the grid's
 * offset straight to the DOM (no React render per frame); only the note layer re-renders,
 * and only when the set of notes in view changes.
 */
export function Canvas({ commands, pointerRef, sharedDrag, underlay }: Props) {
  const t = useT();
  const connection = useConnection();
  const canvasRef = useRef<HTMLElement>(null);
  const worldRef = useRef<HTMLDivElement>(null);
  const moved = usePanZoom(canvasRef);
  const editable = useCanEdit();
  const empty = useBoard((s) => s.boardLoaded && Object.keys(s.notes).length === 0);
  const loaded = useBoard((s) => s.boardLoaded);
  const [measured, setMeasured] = useState(false);

  useEffect(() => {
    const apply = (viewport: Viewport) => {
      const world = worldRef.current;
      const canvas = canvasRef.current;
      if (!world || !canvas) return;
      world.style.transform = `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`;
      // Menus and handles inside the world keep their screen size whatever the zoom.
      world.style.setProperty('--inv-zoom', String(1 / viewport.zoom));
      // Zoomed far out, a dot every GRID units would grey the whole board: space them out.
      let grid = GRID * viewport.zoom;
      while (grid < 12) grid *= 4;
      canvas.style.backgroundSize = `${grid}px ${grid}px`;
      canvas.style.backgroundPosition = `${viewport.x}px ${viewport.y}px`;
      canvas.dataset.zoom = viewport.zoom.toFixed(3);
      // Far out, notes are drawn as plain cards (see FAR_ZOOM).
      canvas.classList.toggle('canvas--far', viewport.zoom < FAR_ZOOM);
    };
    apply(viewStore.getState().viewport);
    return viewStore.subscribe((state, prev) => {
      if (state.viewport !== prev.viewport) apply(state.viewport);
    });
  }, []);

  // Fitted once this canvas has its own size: a step's board pane is narrower than step 1's.
  const fitted = useRef(false);
  /** The view this canvas fitted to the notes by itself, until the person moves it. */
  const autoFit = useRef<Viewport | null>(null);
  // The step this canvas draws the board for (steps 1 and 2 each have their own canvas).
  const step = useRef(useShownStep()).current;

  // Canvas size, and the first view: where the person left this step's board, or else the board
  // origin in the middle, then all notes once they load. Leaving keeps the view for coming back.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let centred = false;
    const observer = new ResizeObserver(() => {
      const rect = canvas.getBoundingClientRect();
      const state = viewStore.getState();
      state.setCanvasSize({ width: rect.width, height: rect.height });
      // The page may still be settling (fonts, a bar wrapping, a banner): a view fitted by
      // itself and left untouched is fitted again to the canvas's new size.
      // (Read again: setting the size may have moved the view, e.g. the projector view's own fit.)
      if (autoFit.current && viewStore.getState().viewport === autoFit.current && rect.width > 0) {
        const fit = contentViewport();
        autoFit.current = fit;
        if (fit) state.setViewport(fit);
      }
      if (!centred && rect.width > 0) {
        centred = true;
        const left = state.leftAt[step];
        fitted.current = left !== undefined;
        state.setViewport(left ?? { x: rect.width / 2, y: rect.height / 2, zoom: 1 });
        setMeasured(true);
      }
    });
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      if (fitted.current) viewStore.getState().leave(step, viewStore.getState().viewport);
    };
  }, [step]);
  useEffect(() => {
    if (fitted.current || !loaded || !measured) return;
    fitted.current = true;
    const fit = contentViewport();
    autoFit.current = fit;
    if (fit) viewStore.getState().setViewport(fit);
  }, [loaded, measured]);

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
    return screenToBoard(viewStore.getState().viewport, {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
    });
  };
  const onEmpty = (event: React.MouseEvent) => !(event.target as Element).closest('.note, .theme-picker');

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking the empty board deselects; Escape does the same from the keyboard.
    <section
      ref={canvasRef}
      className="canvas"
      data-testid="board.canvas"
      aria-label={t('board.canvasLabel')}
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
      <div ref={worldRef} className="canvas__world">
        {underlay}
        <NoteLayer commands={commands} shared={sharedDrag} />
        <Cursors />
      </div>
      {empty && editable && <p className="canvas__empty">{t('board.empty')}</p>}
    </section>
  );
}

import {
  addNote,
  binNote,
  deleteNote,
  moveNote,
  type Point,
  setNoteText,
  setNoteTheme,
} from '@atelier/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n/locale';
import { boardStore, canChangeNote, canEdit, currentItemTable } from '../../state/store';
import { useConnection } from '../../state/useConnection';
import { viewStore } from '../../state/view';
import type { WorkshopConnection } from '../../sync/connection';
import { measureInsets } from '../canvas/covers';
import {
  centreOn,
  findFreeSpot,
  findFreeSpotIn,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  openBoardRect,
  placeNewNote,
  type Rect,
} from '../canvas/geometry';

/** Screen pixels kept between a new note and the edges of what the person sees. */
const VIEW_MARGIN = 12;

/**
 * Every change the board UI makes, as shared commands on the current board document. Each
 * checks the person may write (observers, locked boards): the server would refuse anyway,
 * but a refused write costs a full resync, so the UI never sends one.
 */
export interface BoardCommands {
  /** Adds a note centred on a board point (or the middle of the screen) and opens it for typing. */
  addNote(center?: Point): string | null;
  setText(id: string, text: string): void;
  move(id: string, to: Point): void;
  setTheme(id: string, theme: string | null): void;
  remove(id: string): void;
  undo(): void;
  redo(): void;
}

/** The document a note lives in: the person's drafts for a private draft, the board otherwise. */
export function noteDoc(connection: WorkshopConnection, id: string): Y.Doc {
  const drafts = boardStore.getState().notes[id]?.draft ? connection.drafts : null;
  return drafts?.doc ?? connection.boardDoc;
}

/** `at` moved the least for a whole note to lie inside `area` (unchanged when the area is smaller than a note). */
function keepInside(at: Point, area: Rect): Point {
  const clamp = (value: number, min: number, span: number) =>
    span < 0 ? value : Math.round(Math.min(Math.max(value, min), min + span));
  return {
    x: clamp(at.x, area.x, area.width - NOTE_WIDTH),
    y: clamp(at.y, area.y, area.height - NOTE_HEIGHT),
  };
}

export function useCommands(): BoardCommands {
  const connection = useConnection();
  const t = useT();
  return useMemo(() => {
    const writable = () => canEdit(boardStore.getState());
    /** Text, theme and deletion: the note's author's in "each their own" mode (the server refuses others). */
    const changeable = (id: string) => {
      const state = boardStore.getState();
      const note = state.notes[id];
      return note !== undefined && canChangeNote(state, note);
    };
    /** The document holding a note: the person's drafts for a private draft, the board otherwise. */
    const doc = (id: string) => noteDoc(connection, id);
    return {
      addNote(center) {
        const state = boardStore.getState();
        const view = viewStore.getState();
        const me = state.me;
        if (!writable() || !me) return null;
        // At a chosen spot (double-click, N under the pointer) the note goes exactly there;
        // from the toolbar it goes to the free place nearest the middle of what the person
        // sees, clear of the toolbar. On a full view, to the nearest free place, brought into view.
        const notes = Object.values(state.notes);
        const insets = measureInsets();
        const open = openBoardRect(view.viewport, view.canvasSize, insets, VIEW_MARGIN);
        // (Near an edge of the view, a chosen spot is moved just enough for the note to show whole.)
        let at = center ? keepInside(placeNewNote(center, notes), open) : null;
        if (!at) {
          at = findFreeSpotIn(open, notes);
          if (!at) {
            at = findFreeSpot({ x: open.x + open.width / 2, y: open.y + open.height / 2 }, notes);
            const note = { ...at, width: NOTE_WIDTH, height: NOTE_HEIGHT };
            view.setViewport(centreOn(view.viewport, view.canvasSize, insets, note));
          }
        }
        // During silent ideation a participant's new note is a private draft until the reveal.
        const drafts = state.control.silent && me.role === 'participant' ? connection.drafts : null;
        // During a table round the note is the person's table's (the server refuses another).
        const table = currentItemTable();
        const id = addNote(drafts?.doc ?? connection.boardDoc, { ...at, author: me.participantId, table });
        // A new note is its own undo step, not merged with the typing that follows.
        connection.stopCapturing();
        state.startEditing(id);
        return id;
      },
      setText(id, text) {
        if (changeable(id)) setNoteText(doc(id), id, text);
      },
      move(id, to) {
        if (!writable()) return;
        moveNote(doc(id), id, to);
        connection.stopCapturing();
      },
      setTheme(id, theme) {
        if (!changeable(id)) return;
        setNoteTheme(doc(id), id, theme);
        connection.stopCapturing();
      },
      remove(id) {
        const state = boardStore.getState();
        if (!state.me) return;
        if (!changeable(id)) {
          // Delete on someone else's note in "each their own" mode: say why nothing happens.
          if (state.notes[id] && writable()) state.toast('info', t('board.notYours'));
          return;
        }
        // A board note goes to the bin (the facilitator can restore it); a private draft just goes.
        if (state.notes[id]?.draft) deleteNote(doc(id), id);
        else binNote(connection.boardDoc, id, state.me.participantId);
        connection.stopCapturing();
        if (state.selectedId === id) state.select(null);
        state.stopEditing(id);
      },
      undo() {
        if (writable()) connection.undoLast();
      },
      redo() {
        if (writable()) connection.redoLast();
      },
    } satisfies BoardCommands;
  }, [connection, t]);
}

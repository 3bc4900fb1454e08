import { type Note, type Role, STEPS, type Step, type WorkshopSummary } from '@atelier/shared';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { presenceStores, resetPresence } from './presenceStores';
import { newItemTable, spaceWritable, type TableSpace, tableSpace } from './tableSpace';
import type { ConnectionState, DocView, Toast } from './types';
import { initialView, viewStore } from './view';

/** Who we are in this workshop, from the server (the token's identity). */
export interface Me {
  participantId: string;
  role: Role;
}

/** Purely local state of this browser tab: never synced, never in a document. */
/** Theme ids (NO_THEME for untagged notes) and author groups to show; empty lists filter nothing. */
export interface BoardFilter {
  themes: readonly string[];
  groups: readonly string[];
}

/** The filter key of notes without an active theme. */
export const NO_THEME = '';
export const NO_FILTER: BoardFilter = { themes: [], groups: [] };

/** A vote round shown in the main area instead of the step: its ballot, or its results. */
export interface VotesView {
  roundId: string;
  show: 'ballot' | 'results';
}

/** The side panels beside the board; at most one is open. */
export type SidePanel =
  | 'share'
  | 'participants'
  | 'tables'
  | 'overview'
  | 'votes'
  | 'export'
  | 'board'
  | 'recap'
  | 'balance'
  | 'followUp';

export interface UiState {
  workshop: WorkshopSummary | null;
  me: Me | null;
  selectedId: string | null;
  editingId: string | null;
  /** Theme picker open on this note. */
  pickerId: string | null;
  /** The side panel open beside the board (one at a time), or `null`. */
  sidePanel: SidePanel | null;
  /** Which notes stand out; the others are dimmed (everyone chooses their own). */
  filter: BoardFilter;
  /** The room's screen: large type, no editing chrome, nothing editable from this view. */
  projector: boolean;
  /** This person stopped following the facilitator's view (until the next "follow me"). */
  followDetached: boolean;
  /** The facilitator's timer ran out with "freeze input at the end" (kept by useTimerExpiry on the server's clock). */
  timeUp: boolean;
  /** The step a participant looks at when the facilitator lets them browse (`null`: the room's). */
  browsedStep: Step | null;
  /** The action sheet (step 4) open in the sheet editor, or `null`. */
  openSheet: string | null;
  /** Votes: the round shown in the main area instead of the step. */
  votesView: VotesView | null;
  /**
   * During a table round, the other table whose items this person looks at, read only ("Voir les
   * autres tables", open tables only); `null`: their own table's space. See tables/space.ts.
   */
  viewedTable: string | null;
  /** Back in plenary, the one table whose items this person shows in steps 2–4 (`null`: all). See tableFilter.ts. */
  tableFilter: string | null;
  /** Back in plenary, this person shows steps 2–4 in one section per table ("Grouper par table", see tableGroups.ts). */
  tableGrouped: boolean;
  toasts: readonly Toast[];
  connection: ConnectionState;
  history: { canUndo: boolean; canRedo: boolean };
}

export interface UiActions {
  setWorkshop(workshop: WorkshopSummary | null, me: Me | null): void;
  select(id: string | null): void;
  startEditing(id: string): void;
  stopEditing(id?: string): void;
  openPicker(id: string | null): void;
  /** Opens a side panel (closing the one open), or closes it when `null`. */
  setSidePanel(panel: SidePanel | null): void;
  setFilter(filter: BoardFilter): void;
  setProjector(on: boolean): void;
  browseStep(step: Step | null): void;
  /** Opens an action sheet in the sheet editor (`null` closes it). */
  setOpenSheet(id: string | null): void;
  /** Shows a round's ballot or results in the main area (`null`: back to the step). */
  showVotes(view: VotesView | null): void;
  /** Looks at another table's items during a round (`null`: back to one's own). */
  viewTable(table: string | null): void;
  /** Shows only one table's items in plenary (`null`: every item); no longer grouped. */
  setTableFilter(table: string | null): void;
  /** Shows steps 2–4 grouped by table in plenary (every item: one table's only is a choice of its own). */
  setTableGrouped(grouped: boolean): void;
  /** Shows a message for a few seconds; one with a `topic` replaces the one of that topic still shown. */
  toast(kind: Toast['kind'], message: string, topic?: string): void;
  dismissToast(id: number): void;
}

export type BoardState = DocView & UiState & UiActions;

export type BoardStore = StoreApi<BoardState>;

const TOAST_MS = 6000;
let toastIds = 0;

export function initialDocView(): DocView {
  return {
    notes: {},
    themes: [],
    allThemes: [],
    control: {
      step: 'assessment',
      steps: STEPS,
      stepsFree: false,
      locked: false,
      timer: null,
      silent: false,
      noteEditing: 'own',
    },
    tables: { tables: [], seats: {}, seating: { mode: 'manual', cap: null }, round: null, presenting: null },
    follow: null,
    boardLoaded: false,
    controlLoaded: false,
  };
}

export function initialUi(): UiState {
  return {
    workshop: null,
    me: null,
    selectedId: null,
    editingId: null,
    pickerId: null,
    sidePanel: null,
    timeUp: false,
    filter: NO_FILTER,
    projector: false,
    followDetached: false,
    browsedStep: null,
    openSheet: null,
    votesView: null,
    viewedTable: null,
    tableFilter: null,
    tableGrouped: false,
    toasts: [],
    connection: { status: 'connecting', pending: 0, closedCode: null, rateLimited: false },
    history: { canUndo: false, canRedo: false },
  };
}

/** A board store: one per open board in the app, one per test. */
export function createBoardStore(): BoardStore {
  return createStore<BoardState>()((set, get) => ({
    ...initialDocView(),
    ...initialUi(),
    setWorkshop: (workshop, me) => set({ workshop, me }),
    select: (id) => set(id === get().selectedId ? {} : { selectedId: id, pickerId: null }),
    startEditing: (id) => set({ editingId: id, selectedId: id, pickerId: null }),
    stopEditing: (id) => {
      if (id === undefined || get().editingId === id) set({ editingId: null });
    },
    openPicker: (id) => set({ pickerId: id }),
    setSidePanel: (sidePanel) => set({ sidePanel }),
    showVotes: (votesView) => set({ votesView }),
    viewTable: (viewedTable) => set({ viewedTable }),
    setTableFilter: (tableFilter) => set({ tableFilter, tableGrouped: false }),
    setTableGrouped: (tableGrouped) => set({ tableGrouped, tableFilter: null }),
    setFilter: (filter) => set({ filter }),
    browseStep: (browsedStep) => set({ browsedStep }),
    setOpenSheet: (openSheet) => set({ openSheet }),
    setProjector: (projector) =>
      set(
        projector
          ? {
              projector,
              selectedId: null,
              editingId: null,
              pickerId: null,
              sidePanel: null,
            }
          : { projector },
      ),
    toast: (kind, message, topic) => {
      const id = ++toastIds;
      const toast: Toast = { id, kind, message, ...(topic === undefined ? {} : { topic }) };
      const kept = get().toasts.filter((t) => topic === undefined || t.topic !== topic);
      set({ toasts: [...kept, toast].slice(-4) });
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast: (id) => {
      const toasts = get().toasts;
      if (toasts.some((t) => t.id === id)) set({ toasts: toasts.filter((t) => t.id !== id) });
    },
  }));
}

/** Back to an empty board (when opening a board): board, view and presence stores. */
export function resetBoardStore(store: BoardStore): void {
  store.setState({ ...initialDocView(), ...initialUi() });
  viewStore.setState(initialView());
  resetPresence(presenceStores);
}

/** The app's board store. */
export const boardStore = createBoardStore();

export function useBoard<T>(selector: (state: BoardState) => T): T {
  return useStore(boardStore, selector);
}

/** One note, by id: the component re-renders only when that note's snapshot changes. */
export function useNote(id: string): Note | undefined {
  return useStore(boardStore, (s) => s.notes[id]);
}

type EditState = Pick<BoardState, 'me' | 'control' | 'timeUp' | 'projector'> &
  Partial<Pick<BoardState, 'tables' | 'viewedTable'>>;

/**
 * Whether this person may change the board right now (the server enforces it too). During a
 * table round a participant writes in their own table's space only (not while looking at
 * another), and a facilitator visiting a table only looks.
 */
export function canEdit(state: EditState): boolean {
  const role = state.me?.role;
  if (!role || role === 'observer' || state.projector) return false;
  if (state.tables && !spaceWritable(spaceOf(state as Pick<BoardState, 'tables' | 'me' | 'viewedTable'>)))
    return false;
  if (role === 'facilitator') return true;
  return !state.control.locked && !state.timeUp;
}

/** The table space this person sees (see tableSpace.ts). */
export function spaceOf(state: Pick<BoardState, 'tables' | 'me' | 'viewedTable'>): TableSpace {
  return tableSpace({ tables: state.tables, me: state.me, viewedTable: state.viewedTable ?? null });
}

export function useTableSpace(): TableSpace {
  return useStore(boardStore, useShallow(spaceOf));
}

/** The table a new item is given now: one's own during a round, `null` (plenary) otherwise. */
export function currentItemTable(): string | null {
  return newItemTable(spaceOf(boardStore.getState()));
}

/**
 * Whether the person may change this note's text, theme or existence (moving it is `canEdit`):
 * facilitators always, a participant their own notes and drafts, or anyone's when the
 * facilitator opened notes to all. The server refuses the rest (`not-yours`).
 */
export function canChangeNote(state: EditState, note: { author: string; draft?: boolean }): boolean {
  if (!canEdit(state)) return false;
  if (state.me?.role === 'facilitator' || state.control.noteEditing === 'all' || note.draft) return true;
  return note.author === state.me?.participantId;
}

export function useCanEdit(): boolean {
  return useStore(boardStore, canEdit);
}

/**
 * The step this person sees: the room's, or for a participant the one they browse while the
 * facilitator lets them (a facilitator's view is always the room's: they move it).
 */
export function shownStep(state: Pick<BoardState, 'me' | 'control' | 'browsedStep'>): Step {
  const { control, browsedStep } = state;
  if (state.me?.role === 'facilitator' || !control.stepsFree || browsedStep === null) return control.step;
  return control.steps.includes(browsedStep) ? browsedStep : control.step;
}

export function useShownStep(): Step {
  return useBoard(shownStep);
}

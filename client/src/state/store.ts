import { type Note, type Role, STEPS, type Step, type WorkshopSummary } from '@atelier/shared';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { presenceStores, resetPresence } from './presenceStores';
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

export interface UiState {
  workshop: WorkshopSummary | null;
  me: Me | null;
  selectedId: string | null;
  editingId: string | null;
  /** Theme picker open on this note. */
  pickerId: string | null;
  shareOpen: boolean;
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
  /** The facilitator's participants panel (one side panel at a time: opening it closes the share panel). */
  participantsOpen: boolean;
  /** The action sheet (step 4) open in the sheet editor, or `null`. */
  openSheet: string | null;
  /** Votes: the side panel (one side panel at a time), and the round shown in the main area. */
  votesOpen: boolean;
  votesView: VotesView | null;
  /** The facilitator's export panel (one side panel at a time). */
  exportOpen: boolean;
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
  setShareOpen(open: boolean): void;
  setFilter(filter: BoardFilter): void;
  setProjector(on: boolean): void;
  setParticipantsOpen(open: boolean): void;
  browseStep(step: Step | null): void;
  /** Opens an action sheet in the sheet editor (`null` closes it). */
  setOpenSheet(id: string | null): void;
  setVotesOpen(open: boolean): void;
  setExportOpen(open: boolean): void;
  /** Shows a round's ballot or results in the main area (`null`: back to the step). */
  showVotes(view: VotesView | null): void;
  toast(kind: Toast['kind'], message: string): void;
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
    },
    follow: null,
    boardLoaded: false,
  };
}

export function initialUi(): UiState {
  return {
    workshop: null,
    me: null,
    selectedId: null,
    editingId: null,
    pickerId: null,
    shareOpen: false,
    timeUp: false,
    filter: NO_FILTER,
    projector: false,
    followDetached: false,
    participantsOpen: false,
    browsedStep: null,
    openSheet: null,
    votesOpen: false,
    votesView: null,
    exportOpen: false,
    toasts: [],
    connection: { status: 'connecting', pending: 0, closedCode: null },
    history: { canUndo: false, canRedo: false },
  };
}

/** Every side panel closed: opening one closes the others. */
const NO_SIDE_PANEL = {
  shareOpen: false,
  participantsOpen: false,
  votesOpen: false,
  exportOpen: false,
} as const satisfies Partial<UiState>;

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
    setShareOpen: (shareOpen) => set(shareOpen ? { ...NO_SIDE_PANEL, shareOpen } : { shareOpen }),
    setParticipantsOpen: (participantsOpen) =>
      set(participantsOpen ? { ...NO_SIDE_PANEL, participantsOpen } : { participantsOpen }),
    setVotesOpen: (votesOpen) => set(votesOpen ? { ...NO_SIDE_PANEL, votesOpen } : { votesOpen }),
    setExportOpen: (exportOpen) => set(exportOpen ? { ...NO_SIDE_PANEL, exportOpen } : { exportOpen }),
    showVotes: (votesView) => set({ votesView }),
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
              ...NO_SIDE_PANEL,
            }
          : { projector },
      ),
    toast: (kind, message) => {
      const id = ++toastIds;
      set({ toasts: [...get().toasts, { id, kind, message }].slice(-4) });
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

/** Whether this person may change the board right now (the server enforces it too). */
export function canEdit(state: Pick<BoardState, 'me' | 'control' | 'timeUp' | 'projector'>): boolean {
  const role = state.me?.role;
  if (!role || role === 'observer' || state.projector) return false;
  return role === 'facilitator' || (!state.control.locked && !state.timeUp);
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

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Size, Viewport } from './types';

/**
 * Pan, zoom and canvas size, in a store of their own: they change on every frame of a pan,
 * and the thousands of note components subscribed to the board store must not even run
 * their selectors then.
 */
export interface ViewState {
  viewport: Viewport;
  canvasSize: Size;
  /** Step 2: the issues whose notes are shown in the issues column, not on the board (empty otherwise). */
  hiddenIssues: ReadonlySet<string>;
  /** Where each step's board was left (step → view), taken up again when the person comes back. */
  leftAt: Readonly<Partial<Record<string, Viewport>>>;
  setViewport(viewport: Viewport): void;
  setCanvasSize(size: Size): void;
  setHiddenIssues(issues: ReadonlySet<string>): void;
  leave(step: string, viewport: Viewport): void;
}

export const NO_ISSUES: ReadonlySet<string> = new Set();

export function initialView(): Pick<ViewState, 'viewport' | 'canvasSize' | 'hiddenIssues' | 'leftAt'> {
  return {
    viewport: { x: 0, y: 0, zoom: 1 },
    canvasSize: { width: 0, height: 0 },
    hiddenIssues: NO_ISSUES,
    leftAt: {},
  };
}

export const viewStore = createStore<ViewState>()((set, get) => ({
  ...initialView(),
  setViewport: (viewport) => set({ viewport }),
  setHiddenIssues: (hiddenIssues) => set({ hiddenIssues }),
  leave: (step, viewport) => set({ leftAt: { ...get().leftAt, [step]: viewport } }),
  setCanvasSize: (canvasSize) => {
    const current = get().canvasSize;
    if (current.width !== canvasSize.width || current.height !== canvasSize.height) set({ canvasSize });
  },
}));

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}

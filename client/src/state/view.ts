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
  setViewport(viewport: Viewport): void;
  setCanvasSize(size: Size): void;
}

export function initialView(): Pick<ViewState, 'viewport' | 'canvasSize'> {
  return { viewport: { x: 0, y: 0, zoom: 1 }, canvasSize: { width: 0, height: 0 } };
}

export const viewStore = createStore<ViewState>()((set, get) => ({
  ...initialView(),
  setViewport: (viewport) => set({ viewport }),
  setCanvasSize: (canvasSize) => {
    const current = get().canvasSize;
    if (current.width !== canvasSize.width || current.height !== canvasSize.height) set({ canvasSize });
  },
}));

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}

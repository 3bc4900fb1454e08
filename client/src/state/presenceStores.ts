import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PresenceView } from './types';

/** Who is here and who works on which note: changes when people arrive, leave, start typing. */
export type PresenceState = Pick<PresenceView, 'people' | 'activity'>;
/** The others' pointers: changes up to 20 times a second per person, read by the cursor layer only. */
export type CursorState = Pick<PresenceView, 'cursors' | 'views'>;

export interface PresenceStores {
  presence: StoreApi<PresenceState>;
  cursors: StoreApi<CursorState>;
}

export function createPresenceStores(): PresenceStores {
  return {
    presence: createStore<PresenceState>()(() => ({ people: [], activity: {} })),
    cursors: createStore<CursorState>()(() => ({ cursors: [], views: {} })),
  };
}

export const presenceStores = createPresenceStores();

export function resetPresence(stores: PresenceStores): void {
  stores.presence.setState({ people: [], activity: {} });
  stores.cursors.setState({ cursors: [], views: {} });
}

export function usePresence<T>(selector: (state: PresenceState) => T): T {
  return useStore(presenceStores.presence, selector);
}

export function useCursors(): CursorState['cursors'] {
  return useStore(presenceStores.cursors, (s) => s.cursors);
}

import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PresenceView, SheetActivity } from './types';

/** Who is here and who works on which note: changes when people arrive, leave, start typing. */
export type PresenceState = Pick<PresenceView, 'people' | 'activity' | 'sheets'>;
/** The others' pointers: changes up to 20 times a second per person, read by the cursor layer only. */
export type CursorState = Pick<PresenceView, 'cursors' | 'views' | 'carets'>;

export interface PresenceStores {
  presence: StoreApi<PresenceState>;
  cursors: StoreApi<CursorState>;
}

export function createPresenceStores(): PresenceStores {
  return {
    presence: createStore<PresenceState>()(() => ({ people: [], activity: {}, sheets: {} })),
    cursors: createStore<CursorState>()(() => ({ cursors: [], views: {}, carets: [] })),
  };
}

export const presenceStores = createPresenceStores();

export function resetPresence(stores: PresenceStores): void {
  stores.presence.setState({ people: [], activity: {}, sheets: {} });
  stores.cursors.setState({ cursors: [], views: {}, carets: [] });
}

export function usePresence<T>(selector: (state: PresenceState) => T): T {
  return useStore(presenceStores.presence, selector);
}

export function useCursors(): CursorState['cursors'] {
  return useStore(presenceStores.cursors, (s) => s.cursors);
}

const NOBODY: readonly SheetActivity[] = [];

/** The other people in an action sheet (step 4), and the field each is in. */
export function useSheetActivity(sheetId: string): readonly SheetActivity[] {
  return useStore(presenceStores.presence, (s) => s.sheets[sheetId] ?? NOBODY);
}

/** Everyone else's carets in sheets' prose fields (changes as they type). */
export function useSheetCarets(): CursorState['carets'] {
  return useStore(presenceStores.cursors, (s) => s.carets);
}

import { describe, expect, it } from 'vitest';
import { canEdit, createBoardStore } from './store';

describe('board store', () => {
  it('lets facilitators always edit, participants unless locked, observers never', () => {
    const open = { step: 'assessment' as const, locked: false };
    const locked = { ...open, locked: true };
    const me = (role: 'facilitator' | 'participant' | 'observer') => ({ participantId: 'p', role });
    expect(canEdit({ me: me('facilitator'), control: locked })).toBe(true);
    expect(canEdit({ me: me('participant'), control: open })).toBe(true);
    expect(canEdit({ me: me('participant'), control: locked })).toBe(false);
    expect(canEdit({ me: me('observer'), control: open })).toBe(false);
    expect(canEdit({ me: null, control: open })).toBe(false);
  });

  it('selects, edits and closes the theme menu consistently', () => {
    const store = createBoardStore();
    store.getState().openPicker('a');
    store.getState().startEditing('b');
    expect(store.getState()).toMatchObject({ selectedId: 'b', editingId: 'b', pickerId: null });
    store.getState().stopEditing('other');
    expect(store.getState().editingId).toBe('b');
    store.getState().stopEditing('b');
    expect(store.getState().editingId).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { canEdit, createBoardStore } from './store';

describe('board store', () => {
  it('lets facilitators always edit, participants unless locked or out of time, observers never', () => {
    const open = { step: 'assessment' as const, locked: false, timer: null, silent: false };
    const locked = { ...open, locked: true };
    const me = (role: 'facilitator' | 'participant' | 'observer') => ({ participantId: 'p', role });
    const can = (who: ReturnType<typeof me> | null, control = open, timeUp = false) =>
      canEdit({ me: who, control, timeUp, projector: false });
    expect(can(me('facilitator'), locked, true)).toBe(true);
    expect(can(me('participant'))).toBe(true);
    expect(can(me('participant'), locked)).toBe(false);
    expect(can(me('participant'), open, true)).toBe(false);
    expect(can(me('observer'))).toBe(false);
    expect(can(null)).toBe(false);
    // The projector view edits nothing, whoever opened it.
    expect(canEdit({ me: me('facilitator'), control: open, timeUp: false, projector: true })).toBe(false);
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

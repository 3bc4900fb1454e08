import { describe, expect, it } from 'vitest';
import { canEdit, createBoardStore, initialDocView, shownStep } from './store';

describe('board store', () => {
  it('lets facilitators always edit, participants unless locked or out of time, observers never', () => {
    const open = { ...initialDocView().control };
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

  it('shows one side panel at a time, and none in the projector view', () => {
    const store = createBoardStore();
    const open = () => {
      const { shareOpen, participantsOpen, votesOpen, exportOpen } = store.getState();
      return { shareOpen, participantsOpen, votesOpen, exportOpen };
    };
    store.getState().setShareOpen(true);
    store.getState().setExportOpen(true);
    expect(open()).toEqual({ shareOpen: false, participantsOpen: false, votesOpen: false, exportOpen: true });
    store.getState().setVotesOpen(true);
    expect(open()).toEqual({ shareOpen: false, participantsOpen: false, votesOpen: true, exportOpen: false });
    store.getState().setExportOpen(true);
    store.getState().setProjector(true);
    expect(Object.values(open())).toEqual([false, false, false, false]);
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

  it('shows participants the room’s step, or the one they browse when the facilitator lets them', () => {
    const control = { ...initialDocView().control, step: 'axes' as const };
    const me = (role: 'facilitator' | 'participant') => ({ participantId: 'p', role });
    expect(shownStep({ me: me('participant'), control, browsedStep: 'issues' })).toBe('axes');
    const free = { ...control, stepsFree: true };
    expect(shownStep({ me: me('participant'), control: free, browsedStep: 'issues' })).toBe('issues');
    expect(shownStep({ me: me('participant'), control: free, browsedStep: null })).toBe('axes');
    // Not a step of this workshop: the room's.
    expect(
      shownStep({ me: me('participant'), control: { ...free, steps: ['axes'] }, browsedStep: 'issues' }),
    ).toBe('axes');
    // The facilitator's view is the room's step.
    expect(shownStep({ me: me('facilitator'), control: free, browsedStep: 'issues' })).toBe('axes');
  });
});

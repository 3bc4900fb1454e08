import { describe, expect, it } from 'vitest';
import { canChangeNote, canEdit, createBoardStore, initialDocView, shownStep } from './store';

describe('board store', () => {
  it('keeps one toast per topic: the room moving on replaces the last step’s toast', () => {
    const store = createBoardStore();
    store.getState().toast('info', 'Étape 6');
    store.getState().toast('info', 'Étape 2', 'step');
    store.getState().toast('success', 'Axe supprimé');
    store.getState().toast('info', 'Étape 3', 'step');
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['Étape 6', 'Axe supprimé', 'Étape 3']);
  });

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

  it("lets a participant write during a table round in their own table's space only", () => {
    const control = { ...initialDocView().control };
    const table = { id: 't1', name: 'Table 1', color: '#d81b60', order: 0 };
    const other = { ...table, id: 't2', name: 'Table 2' };
    const tables = {
      ...initialDocView().tables,
      tables: [table, other],
      seats: { p: 't1' },
      round: { step: 'assessment' as const, closed: false, startedAt: 1 },
    };
    const can = (
      participantId: string,
      viewedTable: string | null,
      role: 'participant' | 'facilitator' = 'participant',
    ) =>
      canEdit({ me: { participantId, role }, control, timeUp: false, projector: false, tables, viewedTable });
    expect(can('p', null)).toBe(true);
    expect(can('p', 't2')).toBe(false);
    expect(can('q', null)).toBe(false);
    expect(can('f', null, 'facilitator')).toBe(true);
    // A facilitator visiting a table only looks: nothing written into it by accident.
    expect(can('f', 't2', 'facilitator')).toBe(false);
    expect(
      canEdit({
        me: { participantId: 'q', role: 'participant' },
        control,
        timeUp: false,
        projector: false,
        tables: initialDocView().tables,
        viewedTable: null,
      }),
    ).toBe(true);
  });

  it('lets a participant change only their own notes and drafts unless notes are open to all', () => {
    const own = { ...initialDocView().control };
    const all = { ...own, noteEditing: 'all' as const };
    const me = (role: 'facilitator' | 'participant') => ({ participantId: 'p', role });
    const can = (
      role: 'facilitator' | 'participant',
      control: typeof own,
      note: { author: string; draft?: true },
    ) => canChangeNote({ me: me(role), control, timeUp: false, projector: false }, note);
    expect(can('participant', own, { author: 'p' })).toBe(true);
    expect(can('participant', own, { author: 'q' })).toBe(false);
    expect(can('participant', own, { author: 'q', draft: true })).toBe(true);
    expect(can('participant', all, { author: 'q' })).toBe(true);
    expect(can('facilitator', own, { author: 'q' })).toBe(true);
    // A locked board changes nothing, not even one's own notes.
    expect(can('participant', { ...own, locked: true }, { author: 'p' })).toBe(false);
  });

  it('shows one side panel at a time, and none in the projector view', () => {
    const store = createBoardStore();
    const open = () => store.getState().sidePanel;
    store.getState().setSidePanel('share');
    store.getState().setSidePanel('export');
    expect(open()).toBe('export');
    store.getState().setSidePanel('board');
    expect(open()).toBe('board');
    store.getState().setSidePanel(null);
    expect(open()).toBeNull();
    store.getState().setSidePanel('votes');
    store.getState().setProjector(true);
    expect(open()).toBeNull();
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

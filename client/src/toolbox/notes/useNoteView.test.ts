import { afterEach, describe, expect, it } from 'vitest';
import { boardNote } from '../../state/boardNote.fixture';
import { boardStore, initialDocView, initialUi, NO_THEME } from '../../state/store';
import type { BoardNote } from '../../state/types';
import { isFilteredOut, subscribeToNote } from './useNoteView';

const note = (id: string, x = 0) => boardNote(id, { x });

/** Subscribes a card per id and counts how often each is woken. */
function cards(ids: string[]) {
  const woken: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  const stops = ids.map((id) =>
    subscribeToNote(id, () => {
      woken[id] = (woken[id] ?? 0) + 1;
    }),
  );
  return {
    woken,
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}

describe('note card subscriptions', () => {
  afterEach(() => boardStore.setState({ ...initialDocView(), ...initialUi() }));

  it('wakes only the cards whose note changed', () => {
    boardStore.setState({ notes: { a: note('a'), b: note('b'), c: note('c') } });
    const { woken, stop } = cards(['a', 'b', 'c']);
    boardStore.setState({ notes: { ...boardStore.getState().notes, b: note('b', 40) } });
    expect(woken).toEqual({ a: 0, b: 1, c: 0 });
    // A write that touches no note (a toast, the connection state) wakes nobody.
    boardStore.setState({ sidePanel: 'share' });
    expect(woken).toEqual({ a: 0, b: 1, c: 0 });
    stop();
  });

  it('wakes the cards a selection, an edit or a theme menu leaves and reaches', () => {
    boardStore.setState({ notes: { a: note('a'), b: note('b'), c: note('c') } });
    const { woken, stop } = cards(['a', 'b', 'c']);
    boardStore.getState().select('a');
    expect(woken).toEqual({ a: 1, b: 0, c: 0 });
    boardStore.getState().startEditing('b');
    expect(woken.a).toBeGreaterThan(1);
    expect(woken.b).toBeGreaterThan(0);
    expect(woken.c).toBe(0);
    stop();
  });

  it('wakes every card when what they all show changes (themes, lock, people)', () => {
    boardStore.setState({ notes: { a: note('a'), b: note('b') } });
    const { woken, stop } = cards(['a', 'b']);
    boardStore.setState({
      themes: [{ id: 't', label: { fr: 'Mobilité', en: 'Mobility' }, color: '#123456', order: 0 }],
    });
    expect(woken).toEqual({ a: 1, b: 1 });
    stop();
    boardStore.setState({ themes: [] });
    expect(woken).toEqual({ a: 1, b: 1 });
  });
});

describe('board filter', () => {
  const themes = [{ id: 'mobility', label: { fr: 'Mobilités', en: 'Mobility' }, color: '#4caf50', order: 0 }];
  const workshop = {
    participants: [
      { id: 'p1', name: 'Manon', group: 'staff', role: 'participant', color: '#000000' },
      { id: 'p2', name: 'Hugo', group: 'resident', role: 'participant', color: '#000000' },
    ],
    you: { id: 'f', name: 'Camille', group: 'other', role: 'facilitator', color: '#000000' },
  } as unknown as Parameters<typeof isFilteredOut>[0]['workshop'];
  const of = (author: string, theme: string | null) => ({ ...note('n'), author, theme });
  const filtered = (filter: { themes: string[]; groups: string[] }, n: BoardNote) =>
    isFilteredOut({ filter, themes, workshop }, n);

  it('keeps every note without a filter, and the notes of the chosen themes or groups with one', () => {
    expect(filtered({ themes: [], groups: [] }, of('p1', null))).toBe(false);
    expect(filtered({ themes: ['mobility'], groups: [] }, of('p1', 'mobility'))).toBe(false);
    expect(filtered({ themes: ['mobility'], groups: [] }, of('p1', null))).toBe(true);
    expect(filtered({ themes: [NO_THEME], groups: [] }, of('p1', null))).toBe(false);
    // A note whose theme was archived counts as untagged.
    expect(filtered({ themes: [NO_THEME], groups: [] }, of('p1', 'archived-theme'))).toBe(false);
    expect(filtered({ themes: [], groups: ['resident'] }, of('p1', null))).toBe(true);
    expect(filtered({ themes: [], groups: ['resident', 'staff'] }, of('p1', null))).toBe(false);
    expect(filtered({ themes: ['mobility'], groups: ['resident'] }, of('p2', null))).toBe(true);
    // An author nobody lists (left before the list loaded) is left out by a group filter.
    expect(filtered({ themes: [], groups: ['staff'] }, of('ghost', null))).toBe(true);
  });
});

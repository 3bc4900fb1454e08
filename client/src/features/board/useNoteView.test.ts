import { afterEach, describe, expect, it } from 'vitest';
import { boardStore, initialDocView, initialUi } from '../../state/store';
import type { BoardNote } from '../../state/types';
import { subscribeToNote } from './useNoteView';

function note(id: string, x = 0): BoardNote {
  return {
    id,
    text: '',
    x,
    y: 0,
    theme: null,
    author: 'p1',
    createdAt: 0,
    z: 0,
    cluster: null,
    order: 'a',
    layer: 1,
  };
}

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
    boardStore.setState({ shareOpen: true });
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

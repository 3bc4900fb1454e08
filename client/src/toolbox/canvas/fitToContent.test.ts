import { afterEach, describe, expect, it } from 'vitest';
import { boardNote } from '../../state/boardNote.fixture';
import { boardStore, initialDocView, initialUi } from '../../state/store';
import { initialView, viewStore } from '../../state/view';
import { contentViewport } from './fitToContent';

const note = (id: string, x: number, cluster: string | null = null) => boardNote(id, { x, cluster });

describe('fitting the board to its notes', () => {
  afterEach(() => {
    boardStore.setState({ ...initialDocView(), ...initialUi() });
    viewStore.setState(initialView());
  });

  it('in step 2, leaves out the notes shown in an issue but keeps one whose issue is gone', () => {
    viewStore.setState({ canvasSize: { width: 1000, height: 800 } });
    boardStore.setState({
      notes: {
        a: note('a', 0),
        sorted: note('sorted', 5000, 'issue-1'),
        orphan: note('orphan', 800, 'merged'),
      },
    });
    const everything = contentViewport();
    viewStore.getState().setHiddenIssues(new Set(['issue-1']));
    const onBoard = contentViewport();
    // The far-away sorted note no longer widens the fit, so the view zooms in further…
    expect(onBoard?.zoom).toBeGreaterThan(everything?.zoom ?? 0);
    // …but the note whose issue was merged away still counts: the fit spans 0 to 800 + a note.
    boardStore.setState({ notes: { a: note('a', 0), sorted: note('sorted', 5000, 'issue-1') } });
    expect(contentViewport()?.zoom).toBeGreaterThan(onBoard?.zoom ?? 0);
  });
});

describe('fitting for the room’s screen', () => {
  afterEach(() => {
    boardStore.setState({ ...initialDocView(), ...initialUi() });
    viewStore.setState(initialView());
  });

  it('lets a few notes grow to fill a projector screen, where the toolbar keeps them at 100 %', () => {
    viewStore.setState({ canvasSize: { width: 1920, height: 960 } });
    boardStore.setState({
      notes: { a: note('a', 0), b: note('b', 240), c: note('c', 480), d: note('d', 720) },
    });
    expect(contentViewport()?.zoom).toBe(1);
    const projector = contentViewport(2.5);
    // Four notes side by side (920 units wide) fill the screen's width, less its margins.
    expect(projector?.zoom).toBeCloseTo((1920 - 96) / 920);
  });
});

describe('fitting while a table presents', () => {
  afterEach(() => {
    boardStore.setState({ ...initialDocView(), ...initialUi() });
    viewStore.setState(initialView());
  });

  it("shows the presenting table's frame, not the whole board, and the whole board during a round", () => {
    viewStore.setState({ canvasSize: { width: 1000, height: 800 } });
    const tables = initialDocView().tables;
    boardStore.setState({
      notes: {
        a: boardNote('a', { x: 0, table: 't1' }),
        b: boardNote('b', { x: 4000, table: 't2' }),
      },
      tables: { ...tables, presenting: 't2' },
    });
    const fit = contentViewport();
    // Only table 2's note (at x 4000) is fitted: at 100 %, centred on it.
    expect(fit?.zoom).toBe(1);
    expect((500 - (fit?.x ?? 0)) / (fit?.zoom ?? 1)).toBeCloseTo(4000 + 100);
    boardStore.setState({
      tables: { ...tables, presenting: 't2', round: { step: 'assessment', closed: false, startedAt: 0 } },
    });
    expect(contentViewport()?.zoom).toBeLessThan(0.5);
  });
});

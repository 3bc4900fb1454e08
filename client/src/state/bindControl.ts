import {
  controlStateReader,
  readAllThemes,
  readControlState,
  readFollow,
  readLayoutVersion,
  readTablesState,
  tablesStateReader,
  themesReader,
} from '@atelier/shared';
import type * as Y from 'yjs';
import type { BoardStore } from './store';

/** Feeds the store's themes and facilitation state from the control document. */
export function bindControl(store: BoardStore, doc: Y.Doc): () => void {
  // One change to the store per document change: the step that arrives with the control
  // document's first sync comes with `controlLoaded`, so no one takes it for the room moving on.
  const readState = () => {
    const state = store.getState();
    const patch: Partial<ReturnType<BoardStore['getState']>> = {};
    const controlLoaded = readLayoutVersion(doc) > 0;
    if (state.controlLoaded !== controlLoaded) patch.controlLoaded = controlLoaded;
    const follow = readFollow(doc);
    // A new "follow me" brings back those who had stopped following.
    if (state.follow !== follow) Object.assign(patch, { follow, followDetached: false });
    const control = readControlState(doc);
    const current = state.control;
    if (
      current.step !== control.step ||
      current.steps !== control.steps ||
      current.stepsFree !== control.stepsFree ||
      current.locked !== control.locked ||
      current.silent !== control.silent ||
      current.noteEditing !== control.noteEditing ||
      JSON.stringify(current.timer) !== JSON.stringify(control.timer)
    ) {
      patch.control = control;
      // A new step for the room brings everyone who was browsing back to it.
      if (current.step !== control.step) patch.browsedStep = null;
    }
    if (Object.keys(patch).length > 0) store.setState(patch);
  };
  const readThemeList = () => {
    const allThemes = readAllThemes(doc);
    store.setState({ allThemes, themes: allThemes.filter((theme) => !theme.archived) });
  };
  const readTables = () => {
    const tables = readTablesState(doc);
    const current = store.getState().tables;
    if (JSON.stringify(tables) === JSON.stringify(current)) return;
    // Back in plenary, whoever looked at another table is back to their own for the next round.
    store.setState(
      tables.round === null && current.round !== null ? { tables, viewedTable: null } : { tables },
    );
  };
  readState();
  readThemeList();
  readTables();
  const offState = controlStateReader.observe(doc, readState);
  const offThemes = themesReader.observe(doc, readThemeList);
  const offTables = tablesStateReader.observe(doc, readTables);
  return () => {
    offState();
    offThemes();
    offTables();
  };
}

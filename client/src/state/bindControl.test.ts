import { readControlState, seedControl, setStep, setStepsFree } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindControl } from './bindControl';
import { createBoardStore } from './store';

describe('bindControl', () => {
  it('says the control document is loaded only once it holds the server’s content', () => {
    const server = new Y.Doc();
    seedControl(server);
    const store = createBoardStore();
    const local = new Y.Doc();
    const unbind = bindControl(store, local);
    // Before the first sync, a command would race the server's first values.
    expect(store.getState().controlLoaded).toBe(false);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    expect(store.getState().controlLoaded).toBe(true);
    // A command written now is ordered after the server's values, whatever the client ids.
    setStepsFree(local, true);
    expect(store.getState().control.stepsFree).toBe(true);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(readControlState(server).stepsFree).toBe(true);
    unbind();
    // A fresh replica (after a refused write) starts unloaded again.
    bindControl(store, new Y.Doc());
    expect(store.getState().controlLoaded).toBe(false);
  });

  it('brings the room’s step with the first sync in one change, so no one reads it as the room moving on', () => {
    const server = new Y.Doc();
    seedControl(server);
    setStep(server, 'monitoring');
    const store = createBoardStore();
    const local = new Y.Doc();
    bindControl(store, local);
    const changes: { loaded: boolean; step: string }[] = [];
    store.subscribe((state, prev) => {
      if (state.control.step !== prev.control.step)
        changes.push({ loaded: prev.controlLoaded, step: state.control.step });
    });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    // The step changed in the same store change that loaded the document: before it, not loaded.
    expect(changes).toEqual([{ loaded: false, step: 'monitoring' }]);
    setStep(local, 'axes');
    expect(changes.at(-1)).toEqual({ loaded: true, step: 'axes' });
  });
});

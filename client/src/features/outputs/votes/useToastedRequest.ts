import { useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { useT } from '../../../i18n/locale';
import { boardStore } from '../../../state/store';

export interface ToastedRequest {
  /** A request is running: its buttons are off. */
  busy: boolean;
  /** Runs `work`, then toasts `done(result)` when given, or why it failed. */
  run: <T>(work: () => Promise<T>, done?: (result: T) => string) => Promise<void>;
}

/** Requests a part of the panel sends one at a time, each ending in a toast (what it did, or why not). */
export function useToastedRequest(): ToastedRequest {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async <T>(work: () => Promise<T>, done?: (result: T) => string) => {
    setBusy(true);
    try {
      const result = await work();
      if (done) boardStore.getState().toast('success', done(result));
    } catch (error) {
      boardStore.getState().toast('error', errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

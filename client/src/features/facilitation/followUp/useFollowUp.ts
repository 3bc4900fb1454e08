import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { type FollowUpState, fetchFollowUp, publishFollowUp, takeDownFollowUp } from '../../../api/followUp';
import { useT } from '../../../i18n/locale';

/** What the panel last did, said in its live region (and where the focus goes next). */
export type FollowUpDone = 'published' | 'namesShown' | 'namesHidden' | 'takenDown';

export interface FollowUp {
  /** The server's state, `null` until read. */
  state: FollowUpState | null;
  /** Names on the page: the published page's choice, or the one to publish with. */
  showNames: boolean;
  busy: boolean;
  /** The last action's outcome, to announce, or `null`. */
  done: FollowUpDone | null;
  /** The last failure, as a sentence, or `null`. */
  failure: string | null;
  publish: () => Promise<unknown>;
  setShowNames: (on: boolean) => Promise<void>;
  takeDown: () => Promise<unknown>;
}

/** The follow-up page's state for the facilitator's panel: read on opening, then each action's answer. */
export function useFollowUp(workshopId: string, token: string): FollowUp {
  const t = useT();
  const [state, setState] = useState<FollowUpState | null>(null);
  // The choice before publishing; once published, the page's own.
  const [draftNames, setDraftNames] = useState(false);
  // The box as just ticked, while the server has not answered (it goes back if the server refuses).
  const [pendingNames, setPendingNames] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<FollowUpDone | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetchFollowUp(workshopId, token, abort.signal).then(
      (answer) => {
        if (!abort.signal.aborted) setState(answer);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setFailure(errorMessage(t, error));
      },
    );
    return () => abort.abort();
  }, [workshopId, token, t]);

  // Only the latest action's answer counts: the box ticked then unticked quickly sends two.
  const latest = useRef(0);
  const run = useCallback(
    async (action: () => Promise<FollowUpState>, outcome: FollowUpDone): Promise<boolean> => {
      const mine = ++latest.current;
      setBusy(true);
      setFailure(null);
      setDone(null);
      try {
        const answer = await action();
        if (mine !== latest.current) return false;
        setState(answer);
        setDone(outcome);
      } catch (error) {
        if (mine !== latest.current) return false;
        setFailure(errorMessage(t, error));
      }
      setBusy(false);
      return true;
    },
    [t],
  );

  const published = state?.published === true;
  return {
    state,
    showNames: pendingNames ?? (published ? state.showNames : draftNames),
    busy,
    done,
    failure,
    publish: () => run(() => publishFollowUp(workshopId, draftNames, token), 'published'),
    setShowNames: async (on) => {
      if (!published) return setDraftNames(on);
      setPendingNames(on);
      const last = await run(() => publishFollowUp(workshopId, on, token), on ? 'namesShown' : 'namesHidden');
      if (last) setPendingNames(null);
    },
    takeDown: () =>
      run(async () => {
        await takeDownFollowUp(workshopId, token);
        setDraftNames(false);
        return { published: false, url: null, showNames: false, publishedAt: null };
      }, 'takenDown'),
  };
}

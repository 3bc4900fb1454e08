import type { PublicRound } from '@atelier/shared';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { fetchBallot, putBallot } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import type { Translator } from '../../../i18n/translate';
import { boardStore, useBoard } from '../../../state/store';
import { BallotSync, type BallotSyncState } from './ballotSync';
import { useVotesApi, type VotesApi } from './votesApi';

/**
 * One sync per ballot, shared by what shows it (the banner's budget and the voting view), so
 * both show the same thing and a change is sent once. Dropped when nothing shows it any more.
 */
interface Entry {
  sync: BallotSync;
  users: number;
  /** The round's state when the ballot was last read: it is read again when that changes. */
  readIn: string | null;
}
const syncs = new Map<string, Entry>();
/** The translator of the latest user: a refusal's toast is in the person's language. */
let toastT: Translator | null = null;

function acquire(key: string, round: PublicRound, api: VotesApi, participantId: string): Entry {
  let entry = syncs.get(key);
  if (!entry) {
    const sync = new BallotSync(round, {
      read: () => fetchBallot(api.workshopId, round.id, participantId, api.token),
      write: (change) => putBallot(api.workshopId, round.id, participantId, change, api.token),
      newRequestId: () => crypto.randomUUID(),
      onError: (error) => {
        if (toastT) boardStore.getState().toast('error', errorMessage(toastT, error));
      },
      onSlowDown: () => {
        if (toastT) boardStore.getState().toast('info', toastT('votes.slowDown'));
      },
    });
    entry = { sync, users: 0, readIn: null };
    syncs.set(key, entry);
  }
  entry.users++;
  return entry;
}

function release(key: string, entry: Entry): void {
  entry.users--;
  if (entry.users > 0) return;
  entry.sync.dispose();
  if (syncs.get(key) === entry) syncs.delete(key);
}

const NO_STATE: BallotSyncState = { ballot: null, pending: 0, loadError: null };
const noSubscription = () => () => {};
const noState = () => NO_STATE;

/**
 * This person's ballot in `round`, read from the server when first shown and again each time
 * the round changes state. No sync for observers (they do not vote) or without a round.
 */
export function useBallot(round: PublicRound | null): { sync: BallotSync | null; state: BallotSyncState } {
  const api = useVotesApi();
  const t = useT();
  const me = useBoard((s) => s.me);
  const voter = me && me.role !== 'observer' ? me.participantId : null;
  const key = round && voter ? `${api.workshopId}/${round.id}/${voter}` : null;
  const latest = useRef({ round, api, voter });
  latest.current = { round, api, voter };
  const [entry, setEntry] = useState<Entry | null>(null);

  useEffect(() => {
    const { round: r, api: a, voter: v } = latest.current;
    if (!key || !r || !v) {
      setEntry(null);
      return;
    }
    const acquired = acquire(key, r, a, v);
    setEntry(acquired);
    return () => release(key, acquired);
  }, [key]);
  useEffect(() => {
    toastT = t;
  }, [t]);
  const state = round?.state ?? null;
  useEffect(() => {
    if (!entry || !round) return;
    entry.sync.setRules(round);
    if (entry.readIn !== state) {
      entry.readIn = state;
      void entry.sync.load();
    }
  }, [entry, round, state]);

  const sync = entry?.sync ?? null;
  const snapshot = useSyncExternalStore(sync?.subscribe ?? noSubscription, sync?.getState ?? noState);
  return { sync, state: snapshot };
}

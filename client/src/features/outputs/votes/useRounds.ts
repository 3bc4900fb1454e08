import { type PublicRound, roundsReader } from '@atelier/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useConnection } from '../../../state/useConnection';

/**
 * The workshop's vote rounds as the server publishes them in the control document (oldest
 * first), kept up to date; the same list (same object) until a round changes.
 */
export function useRounds(): readonly PublicRound[] {
  const connection = useConnection();
  const cache = useRef<{ doc: Y.Doc; version: number; rounds: PublicRound[] } | null>(null);
  const version = useRef(0);

  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        version.current++;
        notify();
      };
      let unobserve = roundsReader.observe(connection.controlDoc, onChange);
      const off = connection.on('controlDoc', (next) => {
        unobserve();
        unobserve = roundsReader.observe(next, onChange);
        onChange();
      });
      return () => {
        unobserve();
        off();
      };
    },
    [connection],
  );

  const getSnapshot = useCallback(() => {
    const doc = connection.controlDoc;
    const current = cache.current;
    if (current && current.doc === doc && current.version === version.current) return current.rounds;
    const rounds = roundsReader.read(doc);
    cache.current = { doc, version: version.current, rounds };
    return rounds;
  }, [connection]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

/** One round by id (`null` once discarded, or before the control document has it). */
export function useRound(roundId: string | null): PublicRound | null {
  const rounds = useRounds();
  return roundId === null ? null : (rounds.find((r) => r.id === roundId) ?? null);
}

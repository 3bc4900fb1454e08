import { buildStrategy, readRounds, type Strategy, type WorkshopSummary } from '@atelier/shared';
import { useEffect, useMemo, useState } from 'react';
import { useBoard } from '../../../state/store';
import { useConnection } from '../../../state/useConnection';
import type { WorkshopConnection } from '../../../sync/connection';

/**
 * The documents are read again at most this often: a busy room writes many times a second (and
 * a wait restarted at each change would never end while it does).
 */
const SETTLE_MS = 250;

export interface StrategyPreview {
  strategy: Strategy;
  /** Rounds with ballots that nobody has seen yet (open or closed): the export leaves them out. */
  unrevealedRounds: number;
}

/** The strategy as the server would export it now, from the documents this client holds. */
export function readStrategy(
  connection: WorkshopConnection,
  workshop: WorkshopSummary,
  includeNames: boolean,
): Strategy {
  return buildStrategy({
    board: connection.boardDoc,
    control: connection.controlDoc,
    workshop,
    people: workshop.participants,
    exportedBy: { id: workshop.you.id, name: workshop.you.name },
    exportedAt: new Date(),
    includeNames,
    appVersion: '',
  });
}

/**
 * The workshop's outcome as the export will hold it, built with the same `buildStrategy` the
 * server writes every format from, out of the documents this client already holds and the
 * participant list of the workshop summary; read again a moment after each change.
 */
export function useStrategy(includeNames: boolean): StrategyPreview | null {
  const connection = useConnection();
  const workshop = useBoard((s) => s.workshop);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, SETTLE_MS);
    };
    let docs: { board: typeof connection.boardDoc; control: typeof connection.controlDoc } | null = null;
    const watch = () => {
      docs?.board.off('update', changed);
      docs?.control.off('update', changed);
      docs = { board: connection.boardDoc, control: connection.controlDoc };
      docs.board.on('update', changed);
      docs.control.on('update', changed);
      setVersion((v) => v + 1);
    };
    watch();
    // After a refused write the connection swaps a document for a fresh one.
    const offBoard = connection.on('boardDoc', watch);
    const offControl = connection.on('controlDoc', watch);
    return () => {
      clearTimeout(timer);
      offBoard();
      offControl();
      docs?.board.off('update', changed);
      docs?.control.off('update', changed);
    };
  }, [connection]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is when the documents changed.
  return useMemo(() => {
    if (!workshop) return null;
    const strategy = readStrategy(connection, workshop, includeNames);
    const control = connection.controlDoc;
    const unrevealedRounds = readRounds(control).filter(
      (round) => round.state === 'open' || round.state === 'closed',
    ).length;
    return { strategy, unrevealedRounds };
  }, [connection, workshop, includeNames, version]);
}

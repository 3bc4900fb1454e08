import {
  type ParticipantGroup,
  type Strategy,
  type StrategyFile,
  translate,
  writeStrategy,
} from '@atelier/shared';
import * as Y from 'yjs';
import { newId } from '../store/ids';

/** A former note author as the new workshop lists them, with the id chosen for them. */
export interface PlannedAuthor {
  /** Their participant id in the new workshop. */
  id: string;
  name: string;
  group: ParticipantGroup;
}

/**
 * Everything a new workshop seeded from a strategy needs that costs time to make, made in the
 * import's worker thread before the creation's transaction: the ids of its former note authors
 * and of its revealed rounds, and its documents' first updates, which name those ids. The
 * transaction then only writes rows (issue 19, §3: imports off the sync loop).
 */
export interface SeedPlan {
  authors: PlannedAuthor[];
  /** A new id for each round of the strategy, by its id in the file, in the file's order. */
  roundIds: [string, string][];
  /** The documents' first updates (`Y.encodeStateAsUpdate` of the seeded documents). */
  board: Uint8Array;
  control: Uint8Array;
}

/**
 * The strategy's note authors whose group is known, once each in the order of their first
 * note, as the new workshop lists them: by their name when the export included names, else
 * numbered. Authors of unknown group are left out: their notes stay of unknown group.
 */
export function formerAuthors(
  strategy: Strategy,
): { fileId: string; name: string; group: ParticipantGroup }[] {
  const groups = new Map<string, ParticipantGroup>();
  for (const note of strategy.notes)
    if (note.author !== null && note.authorGroup !== null && !groups.has(note.author))
      groups.set(note.author, note.authorGroup);
  const names = new Map(strategy.participation.people?.map((p) => [p.id, p.name.trim()]));
  let unnamed = 0;
  return [...groups].map(([fileId, group]) => ({
    fileId,
    name:
      names.get(fileId) || translate(strategy.workshop.locale, 'import.formerParticipant', { n: ++unnamed }),
    group,
  }));
}

/** The plan of a new workshop seeded with `strategy` (see `SeedPlan`). */
export function planSeed(strategy: Strategy): SeedPlan {
  const authors = formerAuthors(strategy).map((a) => ({
    fileId: a.fileId,
    id: newId(),
    name: a.name,
    group: a.group,
  }));
  const roundIds = strategy.rounds.map((round): [string, string] => [round.id, newId()]);
  const board = new Y.Doc();
  const control = new Y.Doc();
  writeStrategy(board, control, strategy, {
    authorIds: new Map(authors.map((a) => [a.fileId, a.id])),
    roundIds: new Map(roundIds),
  });
  return {
    authors: authors.map(({ id, name, group }) => ({ id, name, group })),
    roundIds,
    board: Y.encodeStateAsUpdate(board),
    control: Y.encodeStateAsUpdate(control),
  };
}

/** The plans of a strategy's file: one per session, in order. */
export const planSessions = (file: StrategyFile): SeedPlan[] =>
  file.sessions.map((session) => planSeed(session.outcome));

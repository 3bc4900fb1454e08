import { buildStrategy, roomName, Strategy } from '@atelier/shared';
import type * as Y from 'yjs';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';

/** The app's version, written into every export's provenance. */
export const APP_VERSION = '0.1.0';

/** A field the schema refuses, with its path. */
export interface SchemaProblem {
  path: readonly PropertyKey[];
  message: string;
}

/** Reads a workshop's outcome as the strategy object (the one every export format is written from). */
export interface StrategyReader {
  /**
   * The strategy, or what in the documents the schema refuses (a script writing the board
   * directly can store what the app's commands never would, e.g. a note over its limit).
   */
  read(
    workshop: WorkshopRecord,
    by: ParticipantRecord,
    options: { includeNames: boolean },
  ): Promise<
    { strategy: Strategy; problems?: never } | { strategy?: never; problems: readonly SchemaProblem[] }
  >;
}

export function createStrategyReader(
  rooms: Pick<RoomManager, 'withDocs'>,
  workshops: WorkshopStore,
): StrategyReader {
  return {
    async read(workshop, by, { includeNames }) {
      const people = workshops.participants(workshop.id).map((p) => ({
        id: p.id,
        name: p.name,
        group: p.group,
        role: p.role,
        coFacilitator: p.promotedFrom !== null,
        removed: p.removedAt !== null,
      }));
      // Both documents as the room holds them now (loaded from the store when nobody is connected).
      const strategy = await rooms.withDocs(
        [roomName(workshop.id, 'board'), roomName(workshop.id, 'control')],
        ([board, control]) =>
          buildStrategy({
            board: board as Y.Doc,
            control: control as Y.Doc,
            workshop,
            people,
            exportedBy: { id: by.id, name: by.name },
            exportedAt: new Date(),
            includeNames,
            appVersion: APP_VERSION,
          }),
      );
      // Validated before it leaves: a file that breaks its own schema is never sent.
      const checked = Strategy.safeParse(strategy);
      return checked.success ? { strategy: checked.data } : { problems: checked.error.issues };
    },
  };
}

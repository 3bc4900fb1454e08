import { buildStrategy, roomName, Strategy } from '@atelier/shared';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';

/** The app's version, written into every export's provenance. */
export const APP_VERSION = '0.1.0';

/** Reads a workshop's outcome as the strategy object (the one every export format is written from). */
export interface StrategyReader {
  read(workshop: WorkshopRecord, by: ParticipantRecord, options: { includeNames: boolean }): Strategy;
}

export function createStrategyReader(
  rooms: Pick<RoomManager, 'withDoc'>,
  workshops: WorkshopStore,
): StrategyReader {
  return {
    read(workshop, by, { includeNames }) {
      const people = workshops.participants(workshop.id).map((p) => ({
        id: p.id,
        name: p.name,
        group: p.group,
        role: p.role,
        coFacilitator: p.promotedFrom !== null,
        removed: p.removedAt !== null,
      }));
      // Both documents as the room holds them now (loaded from the store when nobody is connected).
      const strategy = rooms.withDoc(roomName(workshop.id, 'board'), (board) =>
        rooms.withDoc(roomName(workshop.id, 'control'), (control) =>
          buildStrategy({
            board,
            control,
            workshop,
            people,
            exportedBy: { id: by.id, name: by.name },
            exportedAt: new Date(),
            includeNames,
            appVersion: APP_VERSION,
          }),
        ),
      );
      // Validated before it leaves: a document that breaks the schema is a bug to hear about, not a file to send.
      return Strategy.parse(strategy);
    },
  };
}

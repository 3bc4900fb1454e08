import {
  CLOSE_CODES,
  draftsRoomName,
  neutralLabel,
  removeAuthorNotes,
  roomName,
  SERVER_ORIGIN,
} from '@atelier/shared';
import type { Logger } from '../log';
import type { JournalStore } from '../store/journal';
import type { PurgeStore } from '../store/purge';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { ParticipantDisconnector } from '../sync/participant-sockets';
import type { RoomManager } from '../sync/rooms';

export interface ParticipantErasure {
  /**
   * Erases one person: their name becomes a neutral label ("Participant·e 12") wherever it is
   * read from (the participants row: the API, presence, exports, vote progress), their token
   * is revoked and their sockets closed (4410), and the edit journal forgets who they were (its
   * rows of them keep their times, without their id); with `removeContributions`, their notes
   * (board, bin) and drafts go too. Idempotent. `null` when nobody by that id is in the workshop.
   */
  erase(
    workshop: WorkshopRecord,
    participantId: string,
    options: { removeContributions: boolean; by: string },
  ): Promise<{ participant: ParticipantRecord; removedNotes: number } | null>;
}

export interface ParticipantErasureDeps {
  workshops: Pick<WorkshopStore, 'erase'>;
  purge: PurgeStore;
  rooms: Pick<RoomManager, 'drop' | 'dropsSettled' | 'withDoc' | 'compactNow'>;
  sockets: ParticipantDisconnector;
  /** The edit journal's rows (store) and its writer (edits still in flight). */
  journal: Pick<JournalStore, 'forgetParticipant'> & { forget(participantId: string): void };
  log: Logger;
}

export function createParticipantErasure(deps: ParticipantErasureDeps): ParticipantErasure {
  const { workshops, purge, rooms, sockets, journal, log } = deps;
  return {
    async erase(workshop, participantId, { removeContributions, by }) {
      const participant = await workshops.erase(workshop.id, participantId, (n) =>
        neutralLabel(workshop.locale, n),
      );
      if (!participant) return null;
      // After the revocation, so that a reconnect is refused (4401); presence goes with the sockets.
      const closed = await sockets.disconnect(participant.id, CLOSE_CODES.removed, 'erased by a facilitator');
      journal.forget(participant.id);
      const journalRows = await journal.forgetParticipant(workshop.id, participant.id);
      let removedNotes = 0;
      if (removeContributions) {
        const drafts = draftsRoomName(workshop.id, participant.id);
        rooms.drop((name) => name === drafts);
        await rooms.dropsSettled();
        await purge.deleteDoc(drafts);
        const board = roomName(workshop.id, 'board');
        removedNotes = await rooms.withDoc(board, (doc) =>
          removeAuthorNotes(doc, participant.id, SERVER_ORIGIN),
        );
        // The deleted texts are still in the stored log until a snapshot replaces it.
        if (removedNotes > 0) await rooms.compactNow(board);
      }
      const { busy } = await purge.scrub();
      log.info(
        {
          workshopId: workshop.id,
          participantId: participant.id,
          by,
          removeContributions,
          removedNotes,
          journalRows,
          sockets: closed,
        },
        'participant erased',
      );
      if (busy) log.warn({ workshopId: workshop.id }, 'a reader kept the WAL from being truncated');
      return { participant, removedNotes };
    },
  };
}

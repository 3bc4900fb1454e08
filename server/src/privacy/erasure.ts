import {
  CLOSE_CODES,
  draftsRoomName,
  neutralLabel,
  removeAuthorNotes,
  roomName,
  SERVER_ORIGIN,
} from '@atelier/shared';
import type { NodeEvents } from '../cluster/node-events';
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

/** What a node holds of a person's drafts, and the store they are deleted from. */
export interface DraftsHolders {
  rooms: Pick<RoomManager, 'retireRoom' | 'dropsSettled'>;
  purge: Pick<PurgeStore, 'deleteDoc'>;
}

/**
 * Lets go of an erased person's drafts on this node: drops their room unsaved and refuses it from
 * then on (`RoomManager.retireRoom`), then, once this node's writes in flight for it ended,
 * deletes its rows. What the erasing node does, and every other node when told (`drafts-erased`):
 * a turn or a compaction of that room in flight on a node ends before that node's own deletion,
 * so nothing of the drafts is written back after it. Returns whether the room was loaded here.
 */
export async function eraseDraftsHere(holders: DraftsHolders, drafts: string): Promise<boolean> {
  const dropped = holders.rooms.retireRoom(drafts);
  await holders.rooms.dropsSettled();
  await holders.purge.deleteDoc(drafts);
  return dropped.length > 0;
}

export interface ParticipantErasureDeps {
  workshops: Pick<WorkshopStore, 'erase'>;
  purge: PurgeStore;
  rooms: Pick<RoomManager, 'retireRoom' | 'dropsSettled' | 'withDoc' | 'compactNow'>;
  sockets: ParticipantDisconnector;
  /** Tells the other nodes (none in the embedded mode). */
  events: NodeEvents;
  /** The edit journal's rows (store) and its writer (edits still in flight). */
  journal: Pick<JournalStore, 'forgetParticipant'> & { forget(participantId: string): void };
  log: Logger;
}

export function createParticipantErasure(deps: ParticipantErasureDeps): ParticipantErasure {
  const { workshops, purge, rooms, sockets, events, journal, log } = deps;
  return {
    async erase(workshop, participantId, { removeContributions, by }) {
      const participant = await workshops.erase(workshop.id, participantId, (n) =>
        neutralLabel(workshop.locale, n),
      );
      if (!participant) return null;
      const drafts = removeContributions ? draftsRoomName(workshop.id, participant.id) : null;
      // The drafts room is let go of first, here and on every node (the event goes out before the
      // disconnection's): closing the person's sockets would start its unload, which writes it
      // back. Awaited after this node's deletion; the others delete it again after their own
      // writes in flight (`eraseDraftsHere`).
      const told = drafts
        ? events
            .publish({ type: 'drafts-erased', workshopId: workshop.id, participantId: participant.id })
            .catch((error: unknown) =>
              log.error(
                { err: error, workshopId: workshop.id, participantId: participant.id },
                "node events: the other nodes were not told of an erasure's drafts",
              ),
            )
        : null;
      if (drafts) rooms.retireRoom(drafts);
      // After the revocation, so that a reconnect is refused (4401); presence goes with the sockets.
      const closed = await sockets.disconnect(participant.id, CLOSE_CODES.removed, 'erased by a facilitator');
      journal.forget(participant.id);
      const journalRows = await journal.forgetParticipant(workshop.id, participant.id);
      let removedNotes = 0;
      if (drafts) {
        await eraseDraftsHere(deps, drafts);
        await told;
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

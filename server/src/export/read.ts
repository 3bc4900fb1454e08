import { roomName, type Strategy } from '@atelier/shared';
import type * as Y from 'yjs';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';
import { type CapturedSession, type SchemaProblem, strategyOf } from './render';

export type { SchemaProblem } from './render';

/** The app's version, written into every export's provenance. */
export const APP_VERSION = '0.1.0';

/** A fresh client's state vector: its sync reply is the document's whole state. */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** Reads a workshop's outcome as the strategy object (the one every export format is written from). */
export interface StrategyReader {
  /**
   * The strategy, or what in the documents the schema refuses (a script writing the board
   * directly can store what the app's commands never would, e.g. a note over its limit).
   * Built on the calling thread, from the live documents.
   */
  read(
    workshop: WorkshopRecord,
    by: ParticipantRecord,
    options: { includeNames: boolean },
  ): Promise<
    { strategy: Strategy; problems?: never } | { strategy?: never; problems: readonly SchemaProblem[] }
  >;
  /**
   * What an export in a worker thread needs of the workshop (export/render.ts), taken now: the
   * documents as sync frames (cheap: the rooms' cached replies) and the people's rows.
   */
  capture(
    workshop: WorkshopRecord,
    by: ParticipantRecord,
    options: { includeNames: boolean },
  ): Promise<CapturedSession>;
}

export function createStrategyReader(
  rooms: Pick<RoomManager, 'withDocs' | 'hold'>,
  workshops: WorkshopStore,
): StrategyReader {
  const about = async (workshop: WorkshopRecord, by: ParticipantRecord, includeNames: boolean) => ({
    workshop,
    people: (await workshops.participants(workshop.id)).map((p) => ({
      id: p.id,
      name: p.name,
      group: p.group,
      role: p.role,
      coFacilitator: p.promotedFrom !== null,
      removed: p.removedAt !== null,
    })),
    exportedBy: { id: by.id, name: by.name },
    exportedAt: new Date(),
    includeNames,
    appVersion: APP_VERSION,
  });
  // A room's whole state as a fresh client gets it (loaded from the store when nobody is connected).
  const frames = async (name: string): Promise<Uint8Array[]> => {
    const held = await rooms.hold(name);
    try {
      return await held.room.syncReply(EMPTY_STATE_VECTOR);
    } finally {
      held.release();
    }
  };
  return {
    async read(workshop, by, { includeNames }) {
      const header = await about(workshop, by, includeNames);
      // Both documents as the room holds them now (loaded from the store when nobody is connected).
      return rooms.withDocs(
        [roomName(workshop.id, 'board'), roomName(workshop.id, 'control')],
        ([board, control]) =>
          strategyOf({
            board: board as Y.Doc,
            control: control as Y.Doc,
            ...header,
          }),
      );
    },
    async capture(workshop, by, { includeNames }) {
      return {
        board: await frames(roomName(workshop.id, 'board')),
        control: await frames(roomName(workshop.id, 'control')),
        ...(await about(workshop, by, includeNames)),
      };
    },
  };
}

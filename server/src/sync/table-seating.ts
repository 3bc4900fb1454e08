import {
  balancedSeating,
  parseRoomName,
  placeLate,
  readSeating,
  readSeats,
  readTable,
  readTables,
  roomName,
  SERVER_ORIGIN,
  type SeatedPerson,
  type SeatingMode,
  type Seats,
  seatParticipant,
  seatParticipants,
  stateMap,
} from '@atelier/shared';
import type * as Y from 'yjs';
import type { RoomManager } from './rooms';

/** Why a participant's pick was refused. */
export type PickRefusal = 'not_pick_mode' | 'unknown_table' | 'table_full';

/** What the HTTP routes do with seats: the server writes them into the control document itself. */
export interface TableSeating {
  /**
   * Seats a participant at the table they picked, when the facilitator lets people pick and the
   * table has room under the cap (`present`: the workshop's participants, whose seats count).
   */
  pick(
    workshopId: string,
    participantId: string,
    tableId: string,
    present: ReadonlySet<string>,
  ): Promise<{ seated: string } | { refused: PickRefusal }>;
  /** Seats every one of `people` with `balancedSeating` ("Répartir automatiquement"); returns their seats. */
  balance(workshopId: string, people: readonly SeatedPerson[]): Promise<Seats>;
  /**
   * Seats a late arrival by the balanced rule when the seating mode is `balanced` and there are
   * tables; `people` gives the workshop's participants (asked only then). Returns their table, or
   * `null` (left unseated). Any other mode is known without loading the control room, but once.
   */
  placeLate(
    workshopId: string,
    person: SeatedPerson,
    people: () => Promise<readonly SeatedPerson[]>,
  ): Promise<string | null>;
}

/**
 * Seats are written through the control room (loaded for the call when nobody has it open), with
 * the server's origin, in the turn of the request: stored, then sent to every connected client.
 */
export function createTableSeating(rooms: RoomManager): TableSeating {
  const withControl = <T>(workshopId: string, fn: (control: Y.Doc) => T): Promise<T> =>
    rooms.withDoc(roomName(workshopId, 'control'), fn);

  /**
   * Each workshop's seating mode as its control room last held it: read when the room loads, kept
   * up to date while it is loaded, and still true once it unloads (nothing writes an unloaded
   * room). Joins read it instead of loading the room; one entry per workshop loaded since start.
   */
  const modes = new Map<string, SeatingMode>();
  rooms.onLoad((room) => {
    const ref = parseRoomName(room.name);
    if (ref?.kind !== 'control') return;
    const control = room.doc;
    const note = () => modes.set(ref.workshopId, readSeating(control).mode);
    note();
    stateMap(control).observe(note);
  });
  /** A workshop's seating mode; a control room not loaded since start is loaded once to learn it. */
  const seatingMode = async (workshopId: string): Promise<SeatingMode> =>
    modes.get(workshopId) ?? withControl(workshopId, (control) => readSeating(control).mode);

  return {
    pick(workshopId, participantId, tableId, present) {
      return withControl(workshopId, (control): { seated: string } | { refused: PickRefusal } => {
        const seating = readSeating(control);
        if (seating.mode !== 'pick') return { refused: 'not_pick_mode' };
        if (readTable(control, tableId) === null) return { refused: 'unknown_table' };
        const seats = readSeats(control);
        if (seats[participantId] === tableId) return { seated: tableId };
        const taken = Object.entries(seats).filter(
          ([person, table]) => table === tableId && person !== participantId && present.has(person),
        ).length;
        if (seating.cap !== null && taken >= seating.cap) return { refused: 'table_full' };
        seatParticipant(control, participantId, tableId, SERVER_ORIGIN);
        return { seated: tableId };
      });
    },
    balance(workshopId, people) {
      return withControl(workshopId, (control) => {
        const seats = balancedSeating(people, readTables(control), readSeats(control));
        seatParticipants(control, seats, SERVER_ORIGIN);
        return seats;
      });
    },
    async placeLate(workshopId, person, people) {
      if ((await seatingMode(workshopId)) !== 'balanced') return null;
      // Read before the room's callback, which runs synchronously (the store answers a promise).
      const everyone = await people();
      return withControl(workshopId, (control) => {
        if (readSeating(control).mode !== 'balanced') return null;
        const tables = readTables(control);
        if (tables.length === 0) return null;
        const table = placeLate(person, tables, readSeats(control), everyone);
        if (table !== null) seatParticipant(control, person.id, table, SERVER_ORIGIN);
        return table;
      });
    },
  };
}

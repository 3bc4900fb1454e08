import { createCluster, renameCluster, roomName } from '@atelier/shared';
import { editedItems } from '@atelier/shared/layout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDb } from '../store/db';
import { createSqliteJournalStore, type JournalRow } from '../store/journal';
import { useTempDirs } from '../store/temp-dirs';
import { createSqliteWorkshopStore } from '../store/workshops';
import { Attendance } from './attendance';
import { createEditJournal } from './edit-journal';

const tempDir = useTempDirs('atelier-journal-');
const T0 = Date.parse('2030-03-01T14:32:00Z');

/** A workshop's board journaled like the server's: each transaction's rows written as a turn would. */
async function setup() {
  const db = openDb(tempDir());
  const workshops = createSqliteWorkshopStore(db);
  const { workshop, facilitator } = await workshops.create({
    title: 'Séance',
    territory: { name: 'Val Vert', kind: 'epci' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  const marie = (
    await workshops.addParticipant({
      workshopId: workshop.id,
      name: 'Marie',
      group: 'elected',
      role: 'participant',
    })
  ).participant;
  const store = createSqliteJournalStore(db);
  let writes = 0;
  const attendance = new Attendance();
  let clock = T0;
  // The turn's transaction's writer, counting the rows it is given.
  const writer = {
    write: async (rows: readonly JournalRow[]) => {
      writes += rows.length;
      await store.write(rows);
    },
  };
  const journal = createEditJournal({
    attendance,
    now: () => clock,
  });
  const room = journal.room(roomName(workshop.id, 'board'));
  if (!room) throw new Error('a board room is journaled');
  const board = new Y.Doc();
  const pending: JournalRow[] = [];
  board.on('update', (_u: Uint8Array, origin: unknown, _d: Y.Doc, tr: Y.Transaction) => {
    pending.push(...(room.edits(origin, editedItems(tr)) ?? []));
  });
  /** `edit` made by `who` (as the connection's origin), then the turn's rows written. */
  const by = async (who: string, edit: () => void) => {
    board.transact(edit, { participantId: who });
    await room.write(pending.splice(0), writer);
  };
  return {
    workshop,
    facilitator,
    marie,
    store,
    board,
    attendance,
    journal,
    room,
    by,
    writes: () => writes,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('the edit journal', () => {
  it('journals board rooms only', async () => {
    const { journal, workshop } = await setup();
    expect(journal.room(roomName(workshop.id, 'control'))).toBeNull();
    expect(journal.room(`${workshop.id}/drafts/${workshop.id}`)).toBeNull();
  });

  it('writes one row per person, item and field a minute, however many keystrokes', async () => {
    const { board, by, marie, store, workshop, writes, tick, attendance } = await setup();
    const leave = attendance.opened(workshop.id);
    await by(marie.id, () => createCluster(board, { title: 'Mobilités', x: 0, y: 0 }, 'i1'));
    for (const title of ['Mobilités d', 'Mobilités du', 'Mobilités du soir'])
      await by(marie.id, () => renameCluster(board, 'i1', title));
    expect(writes()).toBe(2);
    tick(60_000);
    await by(marie.id, () => renameCluster(board, 'i1', 'Mobilités du soir !'));
    expect(writes()).toBe(3);
    // Updates the server makes itself (no connection) name nobody.
    board.transact(() => renameCluster(board, 'i1', 'Mobilités'), 'atelier:server');
    expect(await store.read(workshop.id)).toEqual([
      expect.objectContaining({ item: 'i1', field: null, participant: marie.id, group: 'elected' }),
      {
        collection: 'issues',
        item: 'i1',
        field: 'title',
        participant: marie.id,
        group: 'elected',
        at: '2030-03-01T14:32:00.000Z',
        alone: false,
      },
      expect.objectContaining({ field: 'title', at: '2030-03-01T14:33:00.000Z', alone: false }),
    ]);
    leave();
  });

  it('marks edits made with no participant connected as alone, unless one joined within the minute', async () => {
    const { board, by, facilitator, store, workshop, attendance, writes } = await setup();
    await by(facilitator.id, () => createCluster(board, { title: 'Mobilités', x: 0, y: 0 }, 'i1'));
    await by(facilitator.id, () => renameCluster(board, 'i1', 'Mobilités douces'));
    expect((await store.read(workshop.id)).every((e) => e.alone)).toBe(true);
    const leave = attendance.opened(workshop.id);
    await by(facilitator.id, () => renameCluster(board, 'i1', 'Mobilités douces et partagées'));
    leave();
    await by(facilitator.id, () => renameCluster(board, 'i1', 'Mobilités'));
    // The row turned from alone to accompanied once, and stays so.
    expect(writes()).toBe(3);
    expect((await store.read(workshop.id)).find((e) => e.field === 'title')?.alone).toBe(false);
  });

  it('writes again what a rolled-back turn wrote, and forgets an erased person', async () => {
    const { board, by, marie, store, workshop, journal, room } = await setup();
    await by(marie.id, () => createCluster(board, { title: 'Mobilités', x: 0, y: 0 }, 'i1'));
    await store.forgetParticipant(workshop.id, marie.id);
    room.rolledBack();
    await by(marie.id, () => createCluster(board, { title: 'Habitat', x: 0, y: 0 }, 'i2'));
    journal.forget(marie.id);
    await by(marie.id, () => renameCluster(board, 'i2', 'Habitat partagé'));
    expect((await store.read(workshop.id)).map((e) => [e.item, e.field, e.participant, e.group])).toEqual([
      ['i1', null, null, null],
      ['i2', null, marie.id, 'elected'],
    ]);
  });
});

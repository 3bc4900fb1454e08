/**
 * Issue 18: a room of 45 split into 7 tables costs no more server CPU than the same room in
 * plenary. Two fresh workshops on one server, the load of workshop-burst on each (cursors 20 Hz
 * + 5 note moves/s per client): the first in plenary; the second with 7 tables, everyone seated
 * (the automatic split, mixing groups), each client's note belonging to its table, and a
 * **closed** table round started as the load begins — the strictest rules, which inspect every
 * write (whose table, which items it changes). Prints both rows and the ratio tables / plenary
 * of server CPU per message; every move must still be delivered (a refused one is not).
 */
import {
  addTable,
  readSeats,
  readTableRound,
  roomName,
  seatParticipants,
  setSeating,
  startTableRound,
} from '@atelier/shared';
import { writeAndCheck } from '../lib/replica';
import type { ResultRow, ScenarioContext, ScenarioResult } from '../lib/scenario';
import { runLoad } from '../load/generator';
import type { LoadSpec } from '../load/load-spec';
import { DOC_COLUMNS, loadNotes, loadRow, PRESENCE_COLUMNS, SERVER_COLUMNS } from '../load/report-row';
import { startServer } from '../servers/launcher';
import { provisionRooms, type RoomInfo } from '../servers/provision';

export const name = 'tables';
export const description =
  '1 room × 45 in plenary, then another split into 7 tables in a closed table round, cursors 20 Hz + 5 note moves/s each (target: server CPU/msg in tables ≤ plenary)';
export const columns = [...PRESENCE_COLUMNS, ...DOC_COLUMNS, ...SERVER_COLUMNS];

const PEOPLE = 45;
const TABLES = 7;
const COLORS = ['#e4572e', '#29335c', '#f3a712', '#669bbc', '#a8c686', '#8e7dbe', '#d17a22'];

export async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const people = ctx.quick ? 14 : PEOPLE;
  const server = await startServer('atelier');
  try {
    const [plenary, split] = await provisionRooms(server, 2, people);
    if (!plenary?.workshop || !split?.workshop) throw new Error('provisioning failed');
    const spec: LoadSpec = {
      cursorHz: 20,
      movesPerSec: 5,
      probesPerRoom: ctx.quick ? 3 : 5,
      warmupS: 5,
      durationS: ctx.durationS ?? (ctx.quick ? 10 : 60),
      drainS: 1,
    };

    ctx.log(`plenary: ${people} people, ${spec.durationS} s`);
    const alone = await runLoad(server, [plenary], spec, ctx.log);

    const tabled = await seatAtTables(server, split);
    ctx.log(`tables: the same load at ${TABLES} tables in a closed round`);
    let roundStarted: Promise<void> = Promise.resolve();
    const inTables = await runLoad(server, [tabled], spec, (message) => {
      ctx.log(message);
      // The seed notes (each of its client's table) arrived with the first sync; the round
      // starts now, in the warmup, so that the measured window is all in the round.
      if (message.includes('load on')) roundStarted = startClosedRound(server, tabled);
    });
    await roundStarted;

    const rows: ResultRow[] = [
      loadRow('plenary', 'atelier', alone),
      loadRow('7 tables', 'atelier', inTables),
    ];
    const perMsg = (r: typeof alone) => r.cpuUsPerMsg;
    const ratio =
      perMsg(inTables) !== null && perMsg(alone)
        ? (perMsg(inTables) as number) / (perMsg(alone) as number)
        : null;
    return {
      rows,
      notes: [
        `server CPU per message, tables / plenary: ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`} (target ≤ 1)`,
        ...loadNotes('plenary', alone),
        ...loadNotes('7 tables', inTables),
      ],
    };
  } finally {
    await server.stop();
  }
}

/** Seven tables, every participant seated round the tables in turn, each seed note of its client's table. */
async function seatAtTables(
  server: Awaited<ReturnType<typeof startServer>>,
  room: RoomInfo,
): Promise<RoomInfo> {
  const workshop = room.workshop;
  if (!workshop) throw new Error('no workshop');
  const tableIds = Array.from({ length: TABLES }, (_, i) => `bench-table-${i + 1}`);
  const tableOfClient = room.clients.map((_, i) => tableIds[i % TABLES] ?? null);
  const seats = Object.fromEntries(
    room.clients.map((client, i) => [client.participantId ?? '', tableOfClient[i] ?? '']),
  );
  await writeAndCheck(
    server,
    roomName(workshop.id, 'control'),
    workshop.facilitatorToken,
    (control) => {
      tableIds.forEach((id, i) => {
        addTable(control, { name: `Table ${i + 1}`, color: COLORS[i] ?? '#555555' }, id);
      });
      setSeating(control, { mode: 'manual', cap: null });
      seatParticipants(control, seats);
    },
    (control) => Object.keys(readSeats(control)).length === room.clients.length,
    'everyone to be seated',
  );
  return { ...room, tableOfClient };
}

async function startClosedRound(
  server: Awaited<ReturnType<typeof startServer>>,
  room: RoomInfo,
): Promise<void> {
  const workshop = room.workshop;
  if (!workshop) throw new Error('no workshop');
  await writeAndCheck(
    server,
    roomName(workshop.id, 'control'),
    workshop.facilitatorToken,
    (control) => startTableRound(control, 'assessment', { closed: true }),
    (control) => readTableRound(control)?.closed === true,
    'the closed table round to start',
  );
}

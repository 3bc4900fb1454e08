/**
 * A live Atelier workshop with a generated board, for the browser scenario: the workshop is
 * created through the HTTP API, the board (bench/src/boards, the app's own Yjs structure) is
 * posted through a stock y-websocket client with the facilitator's token, and that client
 * stays connected so the room stays loaded, as it is while a facilitator runs a workshop.
 */
import {
  CreateWorkshopResponse,
  createCluster,
  type JoinBody,
  JoinResponse,
  type Note,
  PARTICIPANT_GROUPS,
  readControlState,
  readNotes,
  roomName,
  type Step,
  setStep,
  WorkshopPreview,
} from '@atelier/shared';
import { waitFor } from '@atelier/testing';
import * as Y from 'yjs';
import { generateBoard } from '../boards/generate-board';
import { postJson } from '../lib/http';
import { connectReplica, writeAndCheck } from '../lib/replica';
import { type BenchServer, mapLimit } from '../servers';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LiveBoard {
  workshop: CreateWorkshopResponse;
  /** Room name of the board document. */
  room: string;
  notes: Note[];
  /** Notes nobody but the browser user moves (near the board's centre, where the first view looks). */
  reservedIds: string[];
  /** Bounding box of the note positions (top-left corners), board units. */
  bounds: Rect;
  /** `/w/<id>#token=<token>`: the board page as the holder of `token` opens it. */
  boardUrl(token: string): string;
  /** Sorts notes into `issues` issues of `perIssue` notes each, none of them reserved. */
  addIssues(issues: number, perIssue: number): void;
  /** Moves the room to a step (as its facilitator), once the server has it. */
  setRoomStep(step: Step): Promise<void>;
  close(): void;
}

const RESERVED_NOTES = 24;
const SYNC_TIMEOUT_MS = 60_000;

/** Creates a workshop whose board holds `noteCount` generated notes, and waits until the server serves them all. */
export async function createLiveBoard(server: BenchServer, noteCount: number): Promise<LiveBoard> {
  const workshop = CreateWorkshopResponse.parse(
    await postJson(server.httpUrl, '/api/workshops', {
      title: `Bench browser ${noteCount}`,
      territory: { name: 'Communauté de communes du Banc', kind: 'epci' },
      locale: 'fr',
      facilitatorName: 'Animation',
    }),
  );
  const room = roomName(workshop.id, 'board');
  const keeper = await connectReplica(server, room, workshop.facilitatorToken);
  // Chunks of a few hundred transactions stay far below the server's message size limit.
  generateBoard({
    notes: noteCount,
    actions: 0,
    chunkTransactions: 200,
    onChunk: (update) => Y.applyUpdate(keeper.doc, update),
  });
  // y-websocket has no acknowledgements: a second replica proves the server holds every note.
  const check = await connectReplica(server, room, workshop.facilitatorToken);
  try {
    await waitFor(
      () => readNotes(check.doc).length >= noteCount,
      `the server to serve ${noteCount} notes`,
      SYNC_TIMEOUT_MS,
    );
  } finally {
    check.destroy();
  }
  const notes = readNotes(keeper.doc);
  const bounds = boundsOf(notes);
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
  const reservedIds = [...notes]
    .sort((a, b) => distance(a, centre) - distance(b, centre))
    .slice(0, RESERVED_NOTES)
    .map((note) => note.id);
  const origin = server.httpUrl;
  return {
    workshop,
    room,
    notes,
    reservedIds,
    bounds,
    boardUrl: (token) => `${origin}/w/${encodeURIComponent(workshop.id)}#token=${encodeURIComponent(token)}`,
    addIssues: (issues, perIssue) => {
      const reserved = new Set(reservedIds);
      const free = notes.filter((note) => !reserved.has(note.id));
      for (let i = 0; i < issues; i++) {
        createCluster(keeper.doc, {
          title: `Enjeu ${i + 1}`,
          x: 0,
          y: 0,
          notes: free.slice(i * perIssue, (i + 1) * perIssue).map((note) => note.id),
        });
      }
    },
    setRoomStep: (step) =>
      writeAndCheck(
        server,
        roomName(workshop.id, 'control'),
        workshop.facilitatorToken,
        (control) => setStep(control, step),
        (control) => readControlState(control).step === step,
        `the room to move to ${step}`,
      ),
    close: () => keeper.destroy(),
  };
}

/** `count` participants join with the workshop's code; their tokens, in order. */
export async function joinParticipants(
  server: BenchServer,
  joinCode: string,
  count: number,
  namePrefix: string,
): Promise<JoinResponse[]> {
  // Joining acknowledges the privacy notice the join page shows.
  const preview = await fetch(`${server.httpUrl}/api/join/${joinCode}`);
  const { version: noticeVersion } = WorkshopPreview.parse(await preview.json()).privacy;
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const body: JoinBody = {
        noticeVersion,
        code: joinCode,
        name: `${namePrefix} ${i + 1}`,
        group: PARTICIPANT_GROUPS[i % PARTICIPANT_GROUPS.length] ?? 'other',
      };
      return JoinResponse.parse(await postJson(server.httpUrl, '/api/join', body));
    },
  );
}

function boundsOf(notes: readonly Note[]): Rect {
  const xs = notes.map((n) => n.x);
  const ys = notes.map((n) => n.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

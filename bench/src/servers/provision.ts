import {
  CreateWorkshopResponse,
  type JoinBody,
  JoinResponse,
  PARTICIPANT_GROUPS,
  roomName,
  WorkshopPreview,
} from '@atelier/shared';
import { mapLimit } from '../lib/concurrency';
import { postJson } from '../lib/http';
import { SERVERS } from './definitions';
import type { BenchServer } from './launcher';

/** One client's identity in a room: its index there and, on Atelier, its own token. */
export interface ClientInfo {
  /** 0-based index in the room; also the note the client moves and its presence `cursor.y`. */
  index: number;
  /** Atelier only: the participant's token (authentication is on). */
  token?: string;
  participantId?: string;
  /** A read-only viewer (Atelier: joined as an observer): connects and receives, sends nothing. */
  viewer?: boolean;
}

export interface RoomInfo {
  /** Room name as the provider is given it (`${server.url}/${name}` is the socket URL). */
  name: string;
  /** 0-based index of the room in the scenario. */
  index: number;
  clients: ClientInfo[];
  /** Atelier only: the workshop behind the room and its facilitator's token (set-up writes). */
  workshop?: { id: string; facilitatorToken: string };
  /** The table each client's seed note belongs to (a tables scenario); none when absent. */
  tableOfClient?: readonly (string | null)[];
}

const HTTP_CONCURRENCY = 8;

/**
 * Rooms and per-client credentials. Atelier: one workshop per room (POST /api/workshops) and
 * one participant per client (POST /api/join), so every socket is authenticated as a real
 * participant; the others have no authentication: a room is just a name.
 */
export async function provisionRooms(
  server: BenchServer,
  rooms: number,
  clientsPerRoom: number,
  /** Read-only viewers per room, after the clients (indexes `clientsPerRoom…`). */
  viewersPerRoom = 0,
): Promise<RoomInfo[]> {
  const indexes = Array.from({ length: rooms }, (_, i) => i);
  const people = clientsPerRoom + viewersPerRoom;
  const isViewer = (i: number) => i >= clientsPerRoom;
  if (!SERVERS[server.name].atelierApi) {
    return indexes.map((index) => ({
      name: `bench-room-${index}`,
      index,
      clients: Array.from({ length: people }, (_, i) =>
        isViewer(i) ? { index: i, viewer: true } : { index: i },
      ),
    }));
  }
  return mapLimit(indexes, HTTP_CONCURRENCY, async (index) => {
    const workshop = CreateWorkshopResponse.parse(
      await postJson(server.httpUrl, '/api/workshops', {
        title: `Bench room ${index}`,
        territory: { name: 'Communauté de communes du Banc', kind: 'epci' },
        locale: 'fr',
      }),
    );
    // Joining acknowledges the privacy notice the join page shows.
    const preview = await fetch(`${server.httpUrl}/api/join/${workshop.joinCode}`);
    const { version: noticeVersion } = WorkshopPreview.parse(await preview.json()).privacy;
    const clients = await mapLimit(
      Array.from({ length: people }, (_, i) => i),
      HTTP_CONCURRENCY,
      async (i): Promise<ClientInfo> => {
        const body: JoinBody = {
          noticeVersion,
          code: workshop.joinCode,
          name: isViewer(i) ? `Viewer ${i + 1}` : `Participant ${i + 1}`,
          group: PARTICIPANT_GROUPS[i % PARTICIPANT_GROUPS.length] ?? 'other',
          role: isViewer(i) ? 'observer' : 'participant',
        };
        const joined = JoinResponse.parse(await postJson(server.httpUrl, '/api/join', body));
        const client: ClientInfo = { index: i, token: joined.token, participantId: joined.participantId };
        return isViewer(i) ? { ...client, viewer: true } : client;
      },
    );
    return {
      name: roomName(workshop.id, 'board'),
      index,
      clients,
      workshop: { id: workshop.id, facilitatorToken: workshop.facilitatorToken },
    };
  });
}

import {
  CreateWorkshopResponse,
  JoinResponse,
  type ParticipantGroup,
  type PresenceClientState,
  WorkshopPreview,
} from '@atelier/shared';
import { loadFixture, withTimeout } from '@atelier/testing';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * People in a demo room without a browser each: the HTTP API with a token, and stock y-websocket
 * clients for the documents and presence (seed-demo.ts, and the pictures' scenarios in
 * screenshots/).
 */

/** A call to a running server's API; throws with the answer on anything but 2xx. */
export async function api<T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; schema?: { parse(value: unknown): T } } = {},
): Promise<T> {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const body: unknown = await response.json();
  return options.schema ? options.schema.parse(body) : (body as T);
}

/** The token in a link's fragment (`…#token=…`). */
export const tokenOf = (link: string): string =>
  decodeURIComponent(new URL(link).hash.replace(/^#token=/, ''));

export interface Person {
  participantId: string;
  name: string;
  group: ParticipantGroup;
  token: string;
}

/** A workshop of the Val de Loue fixture, created by its facilitator, and the people who joined it. */
export interface DemoWorkshop {
  id: string;
  /** The facilitator's own participant id (the fixture's first person). */
  facilitatorId: string;
  joinCode: string;
  facilitatorToken: string;
  facilitatorLink: string;
  people: Person[];
}

/** Creates the fixture's workshop and has its participants (all, or the first `count`) join it. */
export async function fixtureWorkshop(base: string, count?: number): Promise<DemoWorkshop> {
  const fixture = loadFixture();
  const [facilitator, ...others] = fixture.participants;
  const workshop = await api(base, 'POST', '/workshops', {
    body: { ...fixture.workshop, facilitatorName: facilitator?.name ?? 'Animation' },
    schema: CreateWorkshopResponse,
  });
  // Joining acknowledges the privacy notice the join page shows.
  const { privacy } = await api(base, 'GET', `/join/${workshop.joinCode}`, { schema: WorkshopPreview });
  const people: Person[] = [];
  for (const person of others.slice(0, count)) {
    const joined = await api(base, 'POST', '/join', {
      body: {
        code: workshop.joinCode,
        name: person.name,
        group: person.group,
        noticeVersion: privacy.version,
      },
      schema: JoinResponse,
    });
    people.push({
      participantId: joined.participantId,
      name: person.name,
      group: person.group,
      token: joined.token,
    });
  }
  return {
    id: workshop.id,
    facilitatorId: workshop.participantId,
    joinCode: workshop.joinCode,
    facilitatorToken: workshop.facilitatorToken,
    facilitatorLink: workshop.links.facilitator,
    people,
  };
}

export interface Replica {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Sets this connection's presence (a pointer on the board…); the server stamps who it is. */
  presence(state: PresenceClientState): void;
  /** Resolves once the server holds everything this replica wrote (see `stored`). */
  flush(): Promise<void>;
  close(): void;
}

/** Opens a room (`roomName(…)`) with a token, resolved once the first sync is done. */
export async function connect(
  base: string,
  room: string,
  token: string,
  presence?: PresenceClientState,
): Promise<Replica> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  // Without a state of its own a connection is no one on the others' screens.
  if (presence) provider.awareness.setLocalState(presence);
  else provider.awareness.setLocalState(null);
  await withTimeout(
    new Promise<void>((resolve) => provider.once('sync', () => resolve())),
    `the first sync of ${room}`,
  );
  return {
    doc,
    provider,
    presence: (state) => provider.awareness.setLocalState(state),
    flush: () => stored(base, room, token, doc),
    // The doc too: its awareness keeps a timer until the doc is destroyed.
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * y-websocket has no acknowledgements: once a fresh replica of the room has everything `doc`
 * holds, the server has it too.
 */
export async function stored(base: string, room: string, token: string, doc: Y.Doc): Promise<void> {
  const check = await connect(base, room, token);
  const expected = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  // A refused update (the server's rules) never arrives: fail rather than hang.
  await withTimeout(
    new Promise<void>((resolve) => {
      const done = () => {
        if (Buffer.from(Y.encodeStateVector(check.doc)).toString('base64') !== expected) return;
        check.doc.off('update', done);
        resolve();
      };
      check.doc.on('update', done);
      done();
    }),
    `the server to hold what was written in ${room}`,
  );
  check.close();
}

import { CLOSE_CODES, type CreateWorkshopResponse, FINAL_CLOSE_CODES, roomName } from '@atelier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  connectDoc,
  createWorkshop,
  join,
  messageTypes,
  openDoc,
  openRaw,
  type RawOutcome,
  type RawSocket,
  type RunningServer,
  rawEnded,
  SyncRefused,
  startServer,
  syncStep1Message,
  unknownWorkshopId,
  waitFor,
} from './harness';
import { storedTraces } from './server-database';

const ALLOWED = ['https://allowed.example', 'https://second.example:8443'];

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { ALLOWED_ORIGINS: ALLOWED.join(',') } });
});
afterAll(cleanup);

/**
 * Opens a raw socket, sends a sync step 1 as soon as it opens (a refusal must not depend on
 * the client staying quiet), and waits for the refusal.
 */
async function refusal(
  room: string,
  token: string | null,
  options: { origin?: string } = {},
): Promise<{ outcome: RawOutcome; socket: RawSocket }> {
  const socket = openRaw(server.wsUrl, room, token, options);
  if (await socket.opened) socket.send(syncStep1Message());
  const outcome = await rawEnded(socket, `the server to refuse a socket for room "${room}"`);
  return { outcome, socket };
}

/** No document byte: no sync (0) or awareness (1) message arrived before the close. */
function expectNothingOfTheDocument(socket: RawSocket): void {
  const types = messageTypes(socket);
  expect(
    types.filter((t) => t === 0 || t === 1),
    `message types received before the refusal: ${types}`,
  ).toEqual([]);
  expect(socket.texts).toEqual([]);
}

function expectClosedWith(outcome: RawOutcome, codes: number[], context = ''): void {
  expect(
    outcome.kind === 'close' ? outcome.code : outcome,
    `outcome ${JSON.stringify(outcome)}${context}`,
  ).toBeOneOf(codes);
}

describe('sync tokens', () => {
  let workshop: CreateWorkshopResponse;
  let other: CreateWorkshopResponse;

  beforeAll(async () => {
    [workshop, other] = await Promise.all([createWorkshop(server.url), createWorkshop(server.url)]);
  });

  it('refuses a socket without a token with 4401 before sending anything of the document', async () => {
    for (const kind of ['board', 'control'] as const) {
      const { outcome, socket } = await refusal(roomName(workshop.id, kind), null);
      expectClosedWith(outcome, [CLOSE_CODES.unauthorized]);
      expectNothingOfTheDocument(socket);
    }
  });

  it('refuses an invalid token with 4401 before sending anything of the document', async () => {
    for (const token of [
      '',
      'garbage',
      `${workshop.facilitatorToken}x`,
      workshop.facilitatorToken.slice(0, -1),
    ]) {
      const { outcome, socket } = await refusal(roomName(workshop.id, 'board'), token);
      expectClosedWith(outcome, [CLOSE_CODES.unauthorized]);
      expectNothingOfTheDocument(socket);
    }
  });

  it("refuses another workshop's facilitator and participant tokens with 4401", async () => {
    const paulOfOther = await join(server.url, other.joinCode, { name: 'Paul', group: 'resident' });
    for (const token of [other.facilitatorToken, paulOfOther.token]) {
      for (const kind of ['board', 'control'] as const) {
        const { outcome, socket } = await refusal(roomName(workshop.id, kind), token);
        expectClosedWith(outcome, [CLOSE_CODES.unauthorized]);
        expectNothingOfTheDocument(socket);
      }
    }
  });

  it('makes the stock client stop with a final close code when the token is refused', async () => {
    const error = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), 'garbage').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncRefused);
    expect((error as SyncRefused).code).toBe(CLOSE_CODES.unauthorized);
    expect(FINAL_CLOSE_CODES.has((error as SyncRefused).code)).toBe(true);
  });

  it('lets facilitator, participant and observer tokens sync both documents', async () => {
    const paul = await join(server.url, workshop.joinCode, { name: 'Paul', group: 'resident' });
    const olga = await join(server.url, workshop.joinCode, {
      name: 'Olga',
      group: 'partner',
      role: 'observer',
    });
    for (const token of [workshop.facilitatorToken, paul.token, olga.token]) {
      for (const kind of ['board', 'control'] as const) {
        const client = await connectDoc(server.wsUrl, roomName(workshop.id, kind), token);
        client.destroy();
      }
    }
  });
});

describe('sync rooms', () => {
  it('refuses an unknown room name of an existing workshop with 4404 before sending anything', async () => {
    const workshop = await createWorkshop(server.url);
    for (const room of [`${workshop.id}/nonsense`, `${workshop.id}/control/extra`, `${workshop.id}/`]) {
      const { outcome, socket } = await refusal(room, workshop.facilitatorToken);
      expectClosedWith(outcome, [CLOSE_CODES.unknownRoom]);
      expectNothingOfTheDocument(socket);
    }
  });

  it('refuses a room of a workshop that does not exist with 4404 or 4401 before sending anything', async () => {
    const workshop = await createWorkshop(server.url);
    for (const token of [workshop.facilitatorToken, null]) {
      for (const room of [unknownWorkshopId(), `${unknownWorkshopId()}/control`, 'bad%20name!']) {
        const { outcome, socket } = await refusal(room, token);
        expectClosedWith(outcome, [CLOSE_CODES.unknownRoom, CLOSE_CODES.unauthorized]);
        expectNothingOfTheDocument(socket);
      }
    }
  });

  it('refuses a room name that is not valid percent-encoding with 4404 and keeps serving', async () => {
    // Its own server: a crash here must not take the other tests down with it.
    const own = await startServer();
    const workshop = await createWorkshop(own.url);
    for (const room of ['%E0%A4%A', `${workshop.id}%2`, '%']) {
      const socket = openRaw(own.wsUrl, room, workshop.facilitatorToken);
      if (await socket.opened) socket.send(syncStep1Message());
      const outcome = await rawEnded(socket, `refusal of room ${room}`);
      expectClosedWith(
        outcome,
        [CLOSE_CODES.unknownRoom, CLOSE_CODES.unauthorized],
        ` for room "${room}"; server output:\n${own.logs.slice(-1500)}`,
      );
      expectNothingOfTheDocument(socket);
    }
    const client = await connectDoc(own.wsUrl, roomName(workshop.id, 'board'), workshop.facilitatorToken);
    client.destroy();
    await own.stop();
  });

  it('keeps no trace of unknown rooms or refused sockets in the database', async () => {
    const own = await startServer();
    const workshop = await createWorkshop(own.url);
    const ghost = unknownWorkshopId();
    for (const room of [ghost, `${ghost}/control`]) {
      for (const token of [workshop.facilitatorToken, null]) {
        const socket = openRaw(own.wsUrl, room, token);
        if (await socket.opened) socket.send(syncStep1Message());
        const outcome = await rawEnded(socket, `refusal of room ${room}`);
        expectClosedWith(outcome, [CLOSE_CODES.unknownRoom, CLOSE_CODES.unauthorized]);
      }
    }
    expect(await own.stop()).toBe(0);
    expect(await storedTraces(own.dataDir, [ghost]), 'the unknown room id is stored somewhere').toEqual([]);
  });
});

describe('sync origins', () => {
  let workshop: CreateWorkshopResponse;

  beforeAll(async () => {
    workshop = await createWorkshop(server.url);
  });

  it.each([
    'https://evil.example',
    'null',
    'http://localhost',
    'https://allowed.example.evil.example',
    'http://allowed.example',
  ])('refuses a socket from Origin %s (4403 or HTTP 403) without sending anything', async (origin) => {
    const { outcome, socket } = await refusal(roomName(workshop.id, 'board'), workshop.facilitatorToken, {
      origin,
    });
    const refused =
      (outcome.kind === 'close' && outcome.code === CLOSE_CODES.forbiddenOrigin) ||
      (outcome.kind === 'http' && outcome.status === 403);
    expect(refused, `outcome for Origin ${origin}: ${JSON.stringify(outcome)}`).toBe(true);
    expectNothingOfTheDocument(socket);
  });

  it("refuses an Origin that only starts with the server's own origin", async () => {
    const { outcome, socket } = await refusal(roomName(workshop.id, 'board'), workshop.facilitatorToken, {
      origin: `${server.url}.evil.example`,
    });
    const refused =
      (outcome.kind === 'close' && outcome.code === CLOSE_CODES.forbiddenOrigin) ||
      (outcome.kind === 'http' && outcome.status === 403);
    expect(refused, `outcome: ${JSON.stringify(outcome)}`).toBe(true);
    expectNothingOfTheDocument(socket);
  });

  it('accepts a socket without an Origin header and a valid token', async () => {
    const client = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), workshop.facilitatorToken);
    expect(client.provider.synced).toBe(true);
    client.destroy();
  });

  it("accepts a socket from the server's own origin", async () => {
    const client = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), workshop.facilitatorToken, {
      origin: server.url,
    });
    expect(client.provider.synced).toBe(true);
    client.destroy();
  });

  it.each(ALLOWED)('accepts a socket from %s, listed in ALLOWED_ORIGINS', async (origin) => {
    const client = await connectDoc(
      server.wsUrl,
      roomName(workshop.id, 'control'),
      workshop.facilitatorToken,
      {
        origin,
      },
    );
    expect(client.provider.synced).toBe(true);
    client.destroy();
  });

  it('makes the stock client stop reconnecting after an Origin refusal', async () => {
    const client = openDoc(server.wsUrl, roomName(workshop.id, 'board'), workshop.facilitatorToken, {
      origin: 'https://evil.example',
    });
    // Either a 4403 close (final for the stock client) or an HTTP 403 (seen as a failed connection).
    await waitFor(() => client.closes.length > 0, 'the provider to see its connection closed');
    expect(client.provider.synced).toBe(false);
    expect(client.doc.share.size === 0 || client.doc.store.clients.size === 0).toBe(true);
    client.destroy();
  });
});

import { roomName } from '@atelier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, createWorkshop, openRaw, type RunningServer, startServer, waitFor } from './harness';

/** `[messageAwareness, varUint8Array([0])]`: an awareness update with no entries. */
const KEEPALIVE = [1, 1, 0];

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { SYNC_KEEPALIVE_MS: '300' } });
});
afterAll(cleanup);

describe('keepalive', () => {
  // The stock client recycles a socket that received nothing for 30 s; the control room
  // carries no presence, so without keepalives it would reconnect twice a minute.
  it('sends a quiet connection a no-op message regularly, so the stock client keeps its socket', async () => {
    const workshop = await createWorkshop(server.url);
    const socket = openRaw(server.wsUrl, roomName(workshop.id, 'control'), workshop.facilitatorToken);
    expect(await socket.opened).toBe(true);
    const keepalives = () =>
      socket.messages.filter((m) => m.length === 3 && [...m].join() === KEEPALIVE.join());
    await waitFor(() => keepalives().length >= 2, 'two keepalive messages on a quiet control-room socket');
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.terminate();
  });
});

import type { IncomingMessage } from 'node:http';
import { Server } from 'node:http';
import { roomName } from '@atelier/shared';
import { describe, expect, it, vi } from 'vitest';
import { fullGc } from '../src/memory/full-gc';
import { connectDoc, createWorkshop, join, useServer, waitFor } from './harness';

const server = useServer();

describe('what an open sync connection keeps', () => {
  // Issue 19 §7: each connection's memory. The upgrade request (its headers, the URL with the
  // token) is needed only to admit the socket; kept for the socket's life it cost ~2 KB each.
  it('lets go of its upgrade request once joined, while the socket stays open', async () => {
    const workshop = await createWorkshop(server.url);
    const person = await join(server.url, workshop.joinCode, { name: 'Léa', group: 'resident' });
    const requests: WeakRef<IncomingMessage>[] = [];
    const emit = Server.prototype.emit;
    const spy = vi.spyOn(Server.prototype, 'emit').mockImplementation(function (
      this: Server,
      event,
      ...args
    ) {
      if (event === 'upgrade') requests.push(new WeakRef(args[0] as IncomingMessage));
      return emit.call(this, event, ...args);
    });
    const client = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), person.token);
    expect(requests).toHaveLength(1);
    // The spy's own record of the calls holds the request too.
    spy.mockRestore();

    const gc = fullGc();
    await waitFor(() => {
      gc();
      return requests[0]?.deref() === undefined;
    }, 'the upgrade request to be collected');
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });
});

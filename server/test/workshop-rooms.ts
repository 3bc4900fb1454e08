import { roomName } from '@atelier/shared';
import { afterEach } from 'vitest';
import type * as Y from 'yjs';
import {
  type ConnectOptions,
  connectDoc,
  type DocClient,
  type Person,
  type RunningServer,
  workshopWith,
} from './harness';

/**
 * What the tests of the sync rules start from (tables, note ownership): a workshop with `cast`
 * joined, and its rooms opened through stock clients, every one of them closed after each test.
 * Call at the top of a test file.
 */
export function workshopRooms<K extends string>(server: RunningServer, cast: Record<K, Person>) {
  const clients: DocClient[] = [];
  afterEach(closeAll);

  function closeAll(): void {
    for (const client of clients.splice(0)) client.destroy();
  }

  /** A new workshop that every person of the cast has joined, in order. */
  const newWorkshop = () => workshopWith(server.url, cast);
  type Cast = Awaited<ReturnType<typeof newWorkshop>>;

  /** A stock client of the workshop's board or control room, synced. */
  async function open(
    workshop: Cast,
    kind: 'board' | 'control',
    token: string,
    options?: ConnectOptions,
  ): Promise<DocClient> {
    const client = await connectDoc(server.wsUrl, roomName(workshop.workshop.id, kind), token, options);
    clients.push(client);
    return client;
  }

  /** The stock client keeps a refused change (and its clock): each attempt gets a fresh connection. */
  async function attempt(workshop: Cast, token: string, change: (doc: Y.Doc) => void): Promise<DocClient> {
    const client = await open(workshop, 'board', token);
    change(client.doc);
    return client;
  }

  return { newWorkshop, open, attempt, closeAll };
}

import { waitFor } from '@atelier/testing';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BenchServer } from '../servers/launcher';

const SYNC_TIMEOUT_MS = 60_000;

/** A stock y-websocket replica of one of Atelier's rooms, for setting a scenario up (not measured). */
export interface Replica {
  doc: Y.Doc;
  destroy(): void;
}

/** Connects with `token` and resolves once the room is synced. */
export async function connectReplica(server: BenchServer, room: string, token: string): Promise<Replica> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await waitFor(() => provider.synced, `room ${room} to sync`, SYNC_TIMEOUT_MS);
  } catch (error) {
    destroy();
    throw error;
  }
  return { doc, destroy };
}

/** Writes with `write` on one replica and waits until a second, fresh one reads `done` (the server has it). */
export async function writeAndCheck(
  server: BenchServer,
  room: string,
  token: string,
  write: (doc: Y.Doc) => void,
  done: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  const writer = await connectReplica(server, room, token);
  try {
    write(writer.doc);
    await waitFor(
      async () => {
        const check = await connectReplica(server, room, token);
        try {
          return done(check.doc);
        } finally {
          check.destroy();
        }
      },
      what,
      SYNC_TIMEOUT_MS,
    );
  } finally {
    writer.destroy();
  }
}

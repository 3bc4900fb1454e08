import { SERVERS } from '../servers/definitions';
import type { BenchServer } from '../servers/launcher';
import type { ClientInfo } from '../servers/provision';
import { connectLight } from './light-client';
import { connectProbe } from './probe-client';
import type { BenchClient, ClientTarget, ConnectOptions } from './types';

/**
 * Connects one client to a room of a server, hiding each server's protocol: y-websocket's
 * framing (Atelier with the client's token in `?token=`, ywss, the relay) or Hocuspocus's
 * (document-name prefix, token message first). Edits made on `client.doc` with
 * @atelier/shared's commands are sent like a real client sends them. Does not wait for
 * the sync: use `whenSynced()`.
 */
export function connectClient(
  server: Pick<BenchServer, 'name' | 'url'>,
  room: string,
  client: ClientInfo,
  options: ConnectOptions,
): BenchClient {
  const target: ClientTarget = {
    server: server.name,
    protocol: SERVERS[server.name].protocol,
    url: server.url,
    room,
    index: client.index,
    token: client.token ?? 'bench',
    params: client.token === undefined ? {} : { token: client.token },
  };
  return options.kind === 'probe' ? connectProbe(target, options) : connectLight(target, options);
}

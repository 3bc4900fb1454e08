import { reconnectWithJitter, sendOwnPresenceOnly } from '@atelier/shared';
import { withTimeout } from '@atelier/testing';
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import type WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { countingWebSocket, emptyTraffic } from './traffic';
import type { BenchClient, ClientTarget, ConnectOptions } from './types';

/** The stock providers, unmodified: their framing, sync, awareness and reconnect logic. */
export function connectProbe(target: ClientTarget, options: ConnectOptions): BenchClient {
  return target.protocol === 'hocuspocus'
    ? hocuspocusProbe(target, options)
    : yWebsocketProbe(target, options);
}

function yWebsocketProbe(target: ClientTarget, options: ConnectOptions): BenchClient {
  const doc = options.doc ?? new Y.Doc();
  const traffic = emptyTraffic();
  let socket: WebSocket | null = null;
  const provider = new WebsocketProvider(target.url, target.room, doc, {
    params: target.params,
    // In Node, BroadcastChannel is global: providers of one room in one thread would talk
    // through it instead of through the server under test.
    disableBc: true,
    WebSocketPolyfill: countingWebSocket(traffic, (ws) => {
      socket = ws;
    }) as unknown as typeof globalThis.WebSocket,
  });
  let closed = false;
  // The stock y-websocket provider sends back every remote awareness change it applies (the
  // Hocuspocus provider does not). Servers that keep presence drop those echoes, but a plain
  // relay would multiply them: every probe speaks for itself only, on every server, as
  // Atelier's client does.
  sendOwnPresenceOnly(provider);
  if (options.atelierClient) reconnectWithJitter(provider, () => !closed);
  if (options.presence) provider.awareness.setLocalState(options.presence);
  const nextUrl = rotation(options.failoverUrls);
  if (nextUrl) {
    provider.on('connection-close', () => {
      provider.serverUrl = nextUrl();
    });
  }
  let syncCount = 0;
  provider.on('sync', (synced: boolean) => {
    if (synced) syncCount++;
  });
  if (options.autoReconnect === false) {
    // A close is final until `reconnect()`: the scenario decides when to come back.
    provider.on('connection-close', () => {
      provider.shouldConnect = false;
    });
  }
  return {
    kind: 'probe',
    server: target.server,
    room: target.room,
    index: target.index,
    doc,
    clientId: doc.clientID,
    awareness: provider.awareness,
    traffic,
    get synced() {
      return provider.synced;
    },
    get syncCount() {
      return syncCount;
    },
    whenSynced: (timeoutMs = 30_000) =>
      provider.synced
        ? Promise.resolve()
        : withTimeout(
            new Promise<void>((resolve) => {
              const onSync = (synced: boolean) => {
                if (!synced) return;
                provider.off('sync', onSync);
                resolve();
              };
              provider.on('sync', onSync);
            }),
            `probe ${target.index} of ${target.room} on ${target.server} to sync`,
            timeoutMs,
          ),
    setPresence: (state) => provider.awareness.setLocalState(state),
    drop() {
      provider.shouldConnect = false;
      socket?.terminate();
    },
    reconnect: () => provider.connect(),
    close: () => {
      closed = true;
      provider.destroy();
    },
  };
}

function hocuspocusProbe(target: ClientTarget, options: ConnectOptions): BenchClient {
  const doc = options.doc ?? new Y.Doc();
  const traffic = emptyTraffic();
  let socket: WebSocket | null = null;
  // Without a `websocketProvider` the provider hands its whole configuration to the socket
  // it creates, WebSocketPolyfill included (the type does not say so).
  const configuration: HocuspocusProviderConfiguration & { WebSocketPolyfill: unknown } = {
    url: target.url,
    name: target.room,
    document: doc,
    token: target.token,
    WebSocketPolyfill: countingWebSocket(traffic, (ws) => {
      socket = ws;
    }),
  };
  const provider = new HocuspocusProvider(configuration);
  const awareness = provider.awareness;
  if (!awareness) throw new Error('HocuspocusProvider without awareness');
  if (options.presence) awareness.setLocalState(options.presence);
  let syncCount = 0;
  provider.on('synced', () => {
    syncCount++;
  });
  const websocket = provider.configuration.websocketProvider;
  const nextUrl = rotation(options.failoverUrls);
  if (nextUrl) {
    // Each retry opens `configuration.url` anew.
    provider.on('close', () => {
      websocket.configuration.url = nextUrl();
    });
  }
  if (options.autoReconnect === false) {
    provider.on('close', () => {
      websocket.shouldConnect = false;
    });
  }
  return {
    kind: 'probe',
    server: target.server,
    room: target.room,
    index: target.index,
    doc,
    clientId: doc.clientID,
    awareness,
    traffic,
    get synced() {
      return provider.synced;
    },
    get syncCount() {
      return syncCount;
    },
    whenSynced: (timeoutMs = 30_000) =>
      provider.synced
        ? Promise.resolve()
        : withTimeout(
            new Promise<void>((resolve) => {
              const onSynced = () => {
                provider.off('synced', onSynced);
                resolve();
              };
              provider.on('synced', onSynced);
            }),
            `probe ${target.index} of ${target.room} on hocuspocus to sync`,
            timeoutMs,
          ),
    setPresence: (state) => awareness.setLocalState(state),
    drop() {
      websocket.shouldConnect = false;
      socket?.terminate();
    },
    reconnect: () => void websocket.connect(),
    close: () => provider.destroy(),
  };
}

/** The next of `urls` at each call, cycling; null without any. */
function rotation(urls: readonly string[] | undefined): (() => string) | null {
  if (!urls || urls.length === 0) return null;
  let next = 0;
  return () => urls[next++ % urls.length] as string;
}

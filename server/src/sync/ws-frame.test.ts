import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, COPY_LIMIT } from './ws-frame';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A `ws` server whose first socket gets `messages` written as raw frames; what a stock client receives. */
async function receivedByClient(messages: Uint8Array[]): Promise<Buffer[]> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await once(server, 'listening');
  server.on('connection', (ws) => {
    const socket = (ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.cork();
    for (const message of messages) {
      for (const part of binaryFrame(message)) socket.write(part);
    }
    socket.uncork();
  });
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data, isBinary) => {
      if (!isBinary) reject(new Error('a text frame'));
      received.push(data as Buffer);
      if (received.length === messages.length) resolve();
    });
    client.on('error', reject);
  });
  client.close();
  return received;
}

const bytes = (length: number, seed = 7) => Uint8Array.from({ length }, (_, i) => (i * seed) & 0xff);

describe('binaryFrame', () => {
  it('frames payloads of every length class as a stock client reads them', async () => {
    // 7-bit, 16-bit and 64-bit lengths, at their edges; the last ones written as header + payload.
    const messages = [0, 1, 125, 126, 65_535, 65_536, COPY_LIMIT + 1, 300_000].map((n) => bytes(n));
    const received = await receivedByClient(messages);
    expect(received.map((b) => b.byteLength)).toEqual(messages.map((m) => m.byteLength));
    for (const [i, data] of received.entries()) expect(new Uint8Array(data)).toEqual(messages[i]);
  });

  it('frames a view into a bigger buffer by its own bytes only', async () => {
    const whole = bytes(64);
    const view = whole.subarray(10, 30);
    const [received] = await receivedByClient([view]);
    expect(new Uint8Array(received as Buffer)).toEqual(view);
  });

  it('builds a message shared by many sockets once', () => {
    const message = bytes(40);
    expect(binaryFrame(message)).toBe(binaryFrame(message));
    const [frame, ...rest] = binaryFrame(message);
    expect([frame?.[0], frame?.[1], frame?.byteLength, rest.length]).toEqual([0x82, 40, 42, 0]);
  });
});

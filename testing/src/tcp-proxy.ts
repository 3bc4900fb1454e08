/**
 * A TCP proxy a test can cut (docs/scale-out.md, "4. Failure modes"): the code under test reaches
 * PostgreSQL or Redis through it, and `cut()` drops every connection and refuses new ones (as a
 * server gone or a network down would) until `restore()`, on the same port. `stall()` keeps every
 * connection open but forwards nothing either way (a server that stops answering, packets dropped
 * silently) until `resume()`, which delivers what waited.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The URL given, with its host and port the proxy's (127.0.0.1). */
  readonly url: string;
  /** Destroys every connection through the proxy and stops listening (new ones are refused). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /** Forwards nothing, either way, on every connection (new ones too); nothing is closed. */
  stall(): void;
  /** Forwards again, what waited first. */
  resume(): void;
  close(): Promise<void>;
}

/** A proxy to the server of `url` (`postgres://…`, `redis://…`, its port given or not). */
export async function startTcpProxy(url: string, defaultPort: number): Promise<TcpProxy> {
  const parsed = new URL(url);
  const target = { host: parsed.hostname, port: Number(parsed.port || defaultPort) };
  const sockets = new Set<Socket>();
  let stalled = false;
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      // A paused socket is not read: what arrives waits in the kernel's buffers until resumed.
      if (stalled) socket.pause();
    }
    // Forwarded by hand, not piped: a pipe resumes its source on its own (after a drain).
    client.on('data', (data) => upstream.write(data));
    upstream.on('data', (data) => client.write(data));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const port = address.port;
  const stop = async () => {
    const closed = server.listening
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  };
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return {
    url: parsed.toString(),
    cut: stop,
    stall() {
      stalled = true;
      for (const socket of sockets) socket.pause();
    },
    resume() {
      stalled = false;
      for (const socket of sockets) socket.resume();
    },
    async restore() {
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}

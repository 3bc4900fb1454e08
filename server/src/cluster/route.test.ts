import { type ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { createRouter, liveSlotFrom, type RouteTarget, slotOf, workshopOfRequest } from './route';

const head = (text: string) => Buffer.from(text, 'latin1');

describe('the request line', () => {
  it('names the workshop of a sync upgrade, whichever of its rooms', () => {
    const rest = ' HTTP/1.1\r\nHost: atelier\r\nUpgrade: websocket\r\n\r\n';
    expect(workshopOfRequest(head(`GET /sync/w_1-A${rest}`))).toBe('w_1-A');
    expect(workshopOfRequest(head(`GET /sync/w1/control?token=abc${rest}`))).toBe('w1');
    expect(workshopOfRequest(head(`GET /sync/w1%2Fdrafts%2Fp9${rest}`))).toBe('w1');
    expect(workshopOfRequest(head(`GET /sync/w1/drafts/p9?token=a${rest}`))).toBe('w1');
    // Only the request line is needed: a first chunk ending after it is enough.
    expect(workshopOfRequest(head('GET /sync/w1 HTTP/1.1\n'))).toBe('w1');
  });

  it('names none for anything else, which goes round-robin', () => {
    const rest = ' HTTP/1.1\r\n\r\n';
    for (const line of [
      `GET /api/workshops/w1${rest}`,
      `POST /sync/w1${rest}`,
      `GET /sync/${rest}`,
      `GET /sync/w1/nonsense${rest}`,
      `GET /sync/w%ZZ${rest}`,
      `GET /sync/../api/w1${rest}`,
      `GET http://atelier/sync/w1${rest}`,
      'GET /sync/w1 HTTP/1.1', // no end of line yet
      '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\n', // a TLS hello
    ])
      expect(workshopOfRequest(head(line)), line).toBeNull();
  });
});

describe('slots', () => {
  it('are stable and spread the workshops over the workers', () => {
    expect(slotOf('w1', 4)).toBe(slotOf('w1', 4));
    const counts = [0, 0];
    for (let i = 0; i < 200; i++) counts[slotOf(`workshop-${i}`, 2)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(60);
    for (let i = 0; i < 50; i++) expect(slotOf(`w${i}`, 3)).toBeLessThan(3);
  });

  it('go to the next live worker while theirs is down', () => {
    expect(liveSlotFrom(1, ['a', 'b', 'c'])).toBe('b');
    expect(liveSlotFrom(1, ['a', null, 'c'])).toBe('c');
    expect(liveSlotFrom(2, ['a', null, null])).toBe('a');
    expect(liveSlotFrom(0, [null, null])).toBeNull();
  });
});

describe('the router', () => {
  const closing: (() => void)[] = [];
  afterEach(() => {
    for (const close of closing.splice(0)) close();
  });

  /** A worker process (`route-worker.fixture.ts`), once it said it is ready. */
  async function forkWorker(name: string): Promise<ChildProcess> {
    const child = fork(fileURLToPath(new URL('./route-worker.fixture.ts', import.meta.url)), [name], {
      execArgv: ['--import', 'tsx'],
    });
    closing.push(() => child.kill('SIGKILL'));
    await new Promise<void>((ready, failed) => {
      child.once('message', () => ready());
      child.once('exit', (code) => failed(new Error(`worker ${name} exited (${code})`)));
    });
    return child;
  }

  async function listen(pick: (slot: number) => RouteTarget | null, headTimeoutMs?: number) {
    const router = createRouter({
      slots: 2,
      pick,
      log: createLogger('silent'),
      ...(headTimeoutMs ? { headTimeoutMs } : {}),
    });
    await new Promise<void>((done) => router.server.listen(0, '127.0.0.1', done));
    closing.push(() => router.server.close());
    return { router, port: (router.server.address() as AddressInfo).port };
  }

  /** One request on a connection of its own. */
  function request(port: number, path: string, body?: Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { port, host: '127.0.0.1', path, method: body ? 'POST' : 'GET', agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A connection that sends `text`, settled when the other end closes it. */
  function closedAfter(port: number, text: string | null): Promise<void> {
    const socket: Socket = net.connect(port, '127.0.0.1', () => {
      if (text !== null) socket.write(text);
    });
    socket.on('error', () => {});
    return new Promise((closed) => socket.once('close', () => closed()));
  }

  it("hands each workshop's sync sockets to its slot's worker, the rest round-robin, head and body whole", async () => {
    const workers = [await forkWorker('zero'), await forkWorker('one')];
    const { port } = await listen((slot) => workers[slot] ?? null);
    const names = ['zero', 'one'];
    for (const id of ['w1', 'w2', 'w3', 'w4']) {
      const expected = names[slotOf(id, 2)];
      expect(await request(port, `/sync/${id}?token=t`)).toBe(`${expected} /sync/${id}?token=t 0`);
      expect(await request(port, `/sync/${id}/control`)).toBe(`${expected} /sync/${id}/control 0`);
    }
    const first = await request(port, '/api/health');
    const second = await request(port, '/api/health');
    expect([first, second].sort()).toEqual(['one /api/health 0', 'zero /api/health 0']);
    // A body far past the first chunk reaches the worker whole: the primary read none of it.
    const big = Buffer.alloc(4 * 2 ** 20, 7);
    const answers = await Promise.all([1, 2, 3].map(() => request(port, '/api/import', big)));
    for (const answer of answers)
      expect(answer).toMatch(new RegExp(`^(zero|one) /api/import ${big.length}$`));
  });

  it('closes a connection that sends no request line in time, one no worker can take, and one its worker cannot', async () => {
    const silent = await listen(() => null, 50);
    await closedAfter(silent.port, null);
    const none = await listen(() => null);
    await closedAfter(none.port, 'GET /sync/w1 HTTP/1.1\r\n\r\n');

    // A worker already dead: the send fails, the connection is closed.
    const dead = await forkWorker('dead');
    const exited = new Promise((done) => dead.once('exit', done));
    dead.kill('SIGKILL');
    await exited;
    const toDead = await listen(() => dead);
    await closedAfter(toDead.port, 'GET /api/health HTTP/1.1\r\n\r\n');

    // A worker lost while its connections wait to be sent (Node sends one handle at a time).
    let handed: () => void = () => {};
    const sendCalled = new Promise<void>((done) => {
      handed = done;
    });
    const stuck: RouteTarget = {
      send: () => {
        handed();
        return true;
      },
    };
    const waiting = await listen(() => stuck);
    const closed = closedAfter(waiting.port, 'GET /api/health HTTP/1.1\r\n\r\n');
    await sendCalled;
    waiting.router.lost(stuck);
    await closed;
  });
});

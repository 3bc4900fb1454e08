/**
 * HTTP write limits (docs/security.md, "HTTP write limits"), attacked: floods from one token or
 * one address get 429 with Retry-After while another token or address goes on; a big strategy
 * import is read off the event loop.
 */
import { request as httpRequest } from 'node:http';
import { threadId } from 'node:worker_threads';
import { loadConfig, WRITE_LIMIT_DEFAULTS } from '@atelier/server';
import { type ApiError, type CreateWorkshopResponse, IMPORT_MAX_BYTES } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ApiAnswer,
  api,
  cleanup,
  createWorkshop,
  logEntries,
  pingWhile,
  startServer,
  strategyWithNotes,
  TWO_AND_OBSERVER,
} from './harness';
import { ok, openDotsRound, votingWorkshop } from './votes-api';

afterAll(cleanup);

const defaults = loadConfig({}).writeLimits;

/** A request sent from `localAddress` (127.0.0.2, 127.0.0.3…: all this machine), as another client would. */
function from(
  localAddress: string,
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      {
        method,
        localAddress,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
            headers: new Headers(res.headers as Record<string, string>),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Asserts a rate-limit refusal: 429 `rate_limited`, a whole number of seconds in Retry-After within `maxS`. */
function expectLimited(answer: ApiAnswer, maxS: number): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  expect((answer.body as ApiError).error.code).toBe('rate_limited');
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= maxS, String(retryAfter)).toBe(
    true,
  );
}

const statuses = (answers: ApiAnswer[]) => answers.map((a) => a.status);
const count = (answers: ApiAnswer[], status: number) => answers.filter((a) => a.status === status).length;
const refusalsLogged = (server: Awaited<ReturnType<typeof startServer>>, limit: string) =>
  logEntries(server).filter((e) => e.msg === 'rate limited' && e.limit === limit).length;

describe('per-token limits, under the default settings', () => {
  it('lets a voter place dots as fast as a person clicks, slows a flood of ballot changes with 429, and never another voter', async () => {
    expect(defaults.ballots).toEqual({ burst: 60, perSecond: 10 });
    const server = await startServer();
    const w = await votingWorkshop(server, TWO_AND_OBSERVER);
    const round = await openDotsRound(w);
    const { alice, bob } = w;

    const started = performance.now();
    const flood = await Promise.all(
      Array.from({ length: 150 }, (_, n) =>
        w.votes.cast(alice.token, round.id, alice.participantId, { dots: { 'issue-a': n % 2 } }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(new Set(statuses(flood))).toEqual(new Set([200, 429]));
    // The burst, then 10 a second while the flood lasted.
    expect(count(flood, 200)).toBeGreaterThanOrEqual(60);
    expect(count(flood, 200)).toBeLessThanOrEqual(60 + Math.ceil(10 * seconds) + 1);
    for (const refused of flood.filter((a) => a.status === 429)) expectLimited(refused, 1);

    // Another voter is not slowed by Alice.
    ok(await w.votes.cast(bob.token, round.id, bob.participantId, { dots: { 'issue-b': 1 } }));
    expect(refusalsLogged(server, 'ballots')).toBe(count(flood, 429));
    await server.stop();
  });

  it('lets a consultant export each format once, slows a flood of exports, and never another workshop’s', async () => {
    expect(defaults.exports).toEqual({ burst: 10, perSecond: 1 / 3 });
    // Room in the pool for every export the limit lets through (up to 7 here: 2 threads, 8
    // waiting), so that what refuses the rest is the limit, not a full pool (503) on a slow machine.
    const server = await startServer({ env: { WORKER_THREADS: '2' } });
    const [mine, theirs] = [await createWorkshop(server.url), await createWorkshop(server.url)];
    const exportAs = (w: CreateWorkshopResponse, format: string) =>
      api(server.url, 'GET', `/api/workshops/${w.id}/export?format=${format}`, { token: w.facilitatorToken });

    for (const format of ['json', 'xlsx', 'docx', 'csv', 'md'])
      expect((await exportAs(mine, format)).status, format).toBe(200);
    const flood = await Promise.all(Array.from({ length: 12 }, () => exportAs(mine, 'json')));
    // 5 of the burst of 10 are left; a flood lasting seconds may get one more every 3 s.
    expect(count(flood, 200)).toBeGreaterThanOrEqual(5);
    expect(count(flood, 200)).toBeLessThanOrEqual(7);
    for (const refused of flood.filter((a) => a.status !== 200)) expectLimited(refused, 3);

    expect((await exportAs(theirs, 'xlsx')).status).toBe(200);
    expect(refusalsLogged(server, 'exports')).toBe(count(flood, 429));
    await server.stop();
  });

  it('slows a facilitator’s flood of actions on the participants panel, and no one else’s', async () => {
    const server = await startServer();
    const [mine, theirs] = [await createWorkshop(server.url), await createWorkshop(server.url)];
    // Removing nobody: refused (404) after the limit, so the flood changes nothing.
    const remove = (w: CreateWorkshopResponse) =>
      api(server.url, 'DELETE', `/api/workshops/${w.id}/participants/nobody`, { token: w.facilitatorToken });
    const flood = await Promise.all(Array.from({ length: 80 }, () => remove(mine)));
    expect(count(flood, 404)).toBeGreaterThanOrEqual(60);
    expect(count(flood, 429)).toBeGreaterThanOrEqual(1);
    for (const refused of flood.filter((a) => a.status === 429)) expectLimited(refused, 1);
    expect((await remove(theirs)).status).toBe(404);
    expect(refusalsLogged(server, 'facilitation')).toBe(count(flood, 429));
    await server.stop();
  });
});

describe('per-address limits on the routes without a token', () => {
  it('slows one address creating workshops (the default: 30, then 20 an hour), and not another', async () => {
    expect(defaults.create).toEqual({ burst: 30, perSecond: 20 / 3600 });
    const server = await startServer({ env: { HTTP_LIMIT_CREATE: WRITE_LIMIT_DEFAULTS.HTTP_LIMIT_CREATE } });
    const body = { title: 'Atelier', territory: { name: 'Val Vert', kind: 'epci' }, locale: 'fr' };
    const answers: ApiAnswer[] = [];
    for (let n = 0; n < 34; n++)
      answers.push(await from('127.0.0.2', server.url, 'POST', '/api/workshops', body));
    expect(statuses(answers.slice(0, 30))).toEqual(Array(30).fill(201));
    // One more every 3 minutes.
    for (const refused of answers.slice(30)) expectLimited(refused, 180);
    expect((await from('127.0.0.3', server.url, 'POST', '/api/workshops', body)).status).toBe(201);
    expect(refusalsLogged(server, 'create')).toBe(4);
    await server.stop();
  });

  it('counts X-Forwarded-For only behind TRUST_PROXY: a client cannot dodge by writing one', async () => {
    const body = { title: 'Atelier', territory: { name: 'Val Vert', kind: 'epci' }, locale: 'fr' };
    const create = (server: { url: string }, client: string) =>
      from('127.0.0.4', server.url, 'POST', '/api/workshops', body, { 'x-forwarded-for': client });

    const direct = await startServer({ env: { HTTP_LIMIT_CREATE: '2,1/h' } });
    const spoofed = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      spoofed.push(await create(direct, client));
    expect(statuses(spoofed)).toEqual([201, 201, 429]);
    await direct.stop();

    const proxied = await startServer({ env: { HTTP_LIMIT_CREATE: '2,1/h', TRUST_PROXY: '1' } });
    const one = [];
    for (let n = 0; n < 3; n++) one.push(await create(proxied, '203.0.113.1'));
    expect(statuses(one)).toEqual([201, 201, 429]);
    expect((await create(proxied, '203.0.113.2')).status).toBe(201);
    await proxied.stop();
  });

  it('slows one address importing strategy files (the default: 20, then 1 a minute), and not another', async () => {
    expect(defaults.imports).toEqual({ burst: 20, perSecond: 1 / 60 });
    const server = await startServer();
    const answers: ApiAnswer[] = [];
    // Not a strategy: each is read in the worker and refused (400), creating nothing.
    for (let n = 0; n < 24; n++)
      answers.push(await from('127.0.0.2', server.url, 'POST', '/api/workshops/import', { strategy: n }));
    expect(statuses(answers.slice(0, 20))).toEqual(Array(20).fill(400));
    for (const refused of answers.slice(20)) expectLimited(refused, 60);
    const other = await from('127.0.0.3', server.url, 'POST', '/api/workshops/import', { strategy: 0 });
    expect(other.status).toBe(400);
    expect(refusalsLogged(server, 'imports')).toBe(4);
    await server.stop();
  });
});

describe('a big import', () => {
  /** A strategy of `notes` long notes: about 4.6 MB of JSON per 8,000. */
  const bigStrategy = (server: { url: string }, notes: number) =>
    strategyWithNotes(
      server.url,
      notes,
      (n) =>
        `Constat ${n} : ${'les habitants du territoire attendent des services de proximité, '.repeat(6)}`,
    );

  it('is read in a worker thread while the server keeps answering at once', async () => {
    const server = await startServer();
    // Near the 20 MiB limit, so that reading it takes long enough to show whether the loop stalls.
    const strategy = await bigStrategy(server, 28_000);
    const note = strategy.notes.at(-1);
    if (!note) throw new Error('notes were added');
    // Refused at the very end of its validation: the whole file is read, and nothing is created.
    note.issue = 'nowhere';
    const body = JSON.stringify({ strategy });
    const bytes = Buffer.byteLength(body);
    expect(bytes).toBeGreaterThan(15 * 1024 * 1024);
    expect(bytes).toBeLessThan(IMPORT_MAX_BYTES);
    // Warm the worker up (its first start loads the schemas).
    expect((await api(server.url, 'POST', '/api/workshops/import', { body: { strategy: 0 } })).status).toBe(
      400,
    );

    const { answer, pings } = await pingWhile(
      server.url,
      api(server.url, 'POST', '/api/workshops/import', { body }),
    );
    expect(answer.status).toBe(400);
    expect((answer.body as ApiError).error.issues?.[0]?.message).toMatch(/Unknown issue nowhere/);

    const read = logEntries(server)
      .filter((e) => e.msg === 'import read')
      .at(-1);
    expect(read?.threadId).not.toBe(threadId);
    const readMs = Number(read?.ms);
    // The read is long enough that the loop would have stalled for it; it did not: pings kept
    // being answered meanwhile, and none waited as long as the read took (on a busy 2-core
    // machine a ping may still take tens of ms: the bound is the read, not a fixed number).
    expect(readMs).toBeGreaterThan(100);
    expect(pings.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...pings)).toBeLessThan(readMs);
    console.info(
      `big import: ${bytes} bytes read in ${readMs} ms in thread ${read?.threadId}; ${pings.length} pings meanwhile, slowest ${Math.round(Math.max(...pings))} ms`,
    );
    await server.stop();
  });
});

/**
 * Attacks on join codes (issue 17 §1): floods of wrong codes from several loopback addresses
 * (127.0.0.2, 127.0.0.3… are all this machine), the global budget, X-Forwarded-For with and
 * without TRUST_PROXY, a closed door and an expired code. Every flood is a few hundred
 * requests and takes about a second.
 */
import http from 'node:http';
import {
  ApiError,
  addNote,
  JOIN_CODE_ALPHABET,
  JoiningState,
  JoinResponse,
  readNotes,
  roomName,
  WorkshopPreview,
  WorkshopSummary,
} from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrivacyNotices } from '../src/privacy/notice';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  logEntries,
  type RunningServer,
  startServer,
  useServer,
  waitDoc,
  workshopWith,
} from './harness';
import { openServerDatabase } from './server-database';

/** The privacy notice's version a join acknowledges (the built-in French notice, as the test servers show it). */
const NOTICE = createPrivacyNotices({ retentionDays: null, contact: null, file: null })('fr').version;

afterAll(cleanup);

interface Answer {
  status: number;
  body: unknown;
  retryAfter: string | undefined;
  ms: number;
}

const agents = new Map<string, http.Agent>();

/** A JSON request sent from `localAddress` (a loopback address of this machine). */
function from(
  localAddress: string,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  route: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, localAddress, maxSockets: 16 });
    agents.set(localAddress, agent);
  }
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${route}`,
      {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            ms: performance.now() - started,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
afterAll(() => {
  for (const agent of agents.values()) agent.destroy();
});

/** A well-formed code that (almost surely) no workshop has. */
function randomCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++)
    code += JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)];
  return code;
}

/** One guess: a preview or a join with a random code, now and then a malformed one. */
function guess(address: string, baseUrl: string, i: number, headers?: Record<string, string>) {
  const code = i % 7 === 6 ? 'NOT-A-CODE!' : randomCode();
  return i % 2 === 0
    ? from(address, baseUrl, 'GET', `/api/join/${encodeURIComponent(code)}`, headers ? { headers } : {})
    : from(address, baseUrl, 'POST', '/api/join', {
        body: { noticeVersion: NOTICE, code, name: 'Robot', group: 'resident' },
        ...(headers ? { headers } : {}),
      });
}

/** `count` guesses from `address`, at most 16 in flight. */
async function flood(address: string, baseUrl: string, count: number, headers?: Record<string, string>) {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) answers.push(await guess(address, baseUrl, next++, headers));
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return answers;
}

function expectTooMany(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(ApiError.parse(answer.body).error.code).toBe('too_many_attempts');
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(Number(answer.retryAfter))).toBe(true);
}

function expectError(answer: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { error: { code } } });
  expect(ApiError.safeParse(answer.body).success).toBe(true);
}

const refusalsLogged = (server: RunningServer, limit: string) =>
  logEntries(server).filter((e) => e.msg === 'join attempt refused' && e.limit === limit);

describe('guessing join codes from several addresses', () => {
  const server = useServer();

  it('stops each attacker after 10 failures with 429 and Retry-After, while a correct code from another address joins at once', async () => {
    const workshop = await createWorkshop(server.url);
    const started = performance.now();
    const [attackerA, attackerB, honest] = await Promise.all([
      flood('127.0.0.2', server.url, 200),
      flood('127.0.0.3', server.url, 200),
      (async () => {
        const preview = await from('127.0.0.4', server.url, 'GET', `/api/join/${workshop.joinCode}`);
        const joined = await from('127.0.0.4', server.url, 'POST', '/api/join', {
          body: {
            noticeVersion: NOTICE,
            code: workshop.joinCode.toLowerCase(),
            name: 'Léa Muller',
            group: 'elected',
          },
        });
        return { preview, joined };
      })(),
    ]);
    // Bounded: a second or two here; the refill during the flood (one every 6 s) is allowed for below.
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(20);

    for (const answers of [attackerA, attackerB]) {
      const lookedUp = answers.filter((a) => a.status !== 429);
      // The burst: 10 lookups (a few more only if the flood took longer than 6 s per extra one).
      expect(lookedUp.length).toBeGreaterThanOrEqual(10);
      expect(lookedUp.length).toBeLessThanOrEqual(10 + Math.floor(seconds / 6));
      for (const answer of lookedUp) expect([400, 404]).toContain(answer.status);
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(190 - Math.floor(seconds / 6));
      for (const answer of refused) expectTooMany(answer);
    }

    // The honest person, during the flood: not slowed, not refused.
    expect(honest.preview.status).toBe(200);
    expect(WorkshopPreview.parse(honest.preview.body).id).toBe(workshop.id);
    expect(honest.joined.status).toBe(201);
    expect(JoinResponse.parse(honest.joined.body).workshopId).toBe(workshop.id);
    expect(honest.joined.ms).toBeLessThan(1000);

    // The attacker is refused even with a right code: it is refused before the lookup.
    expectTooMany(
      await from('127.0.0.2', server.url, 'POST', '/api/join', {
        body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Robot', group: 'resident' },
      }),
    );
    const logged = refusalsLogged(server, 'join-address');
    expect(logged.length).toBeGreaterThanOrEqual(380 - 2 * Math.floor(seconds / 6));
    expect(new Set(logged.map((e) => e.address))).toEqual(new Set(['127.0.0.2', '127.0.0.3']));
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy stands in front', async () => {
    const answers = await flood('127.0.0.7', server.url, 40, { 'x-forwarded-for': '203.0.113.7' });
    expect(answers.filter((a) => a.status !== 429).length).toBeLessThanOrEqual(11);
    // Another made-up client address changes nothing: the socket's address is counted.
    expectTooMany(
      await from('127.0.0.7', server.url, 'GET', `/api/join/${randomCode()}`, {
        headers: { 'x-forwarded-for': '203.0.113.99' },
      }),
    );
  });

  it('counts a wrong name as nothing: only a malformed code is a failed attempt', async () => {
    const workshop = await createWorkshop(server.url);
    for (let i = 0; i < 15; i++) {
      const answer = await from('127.0.0.9', server.url, 'POST', '/api/join', {
        body: { noticeVersion: NOTICE, code: workshop.joinCode, name: '   ', group: 'resident' },
      });
      expectError(answer, 400, 'bad_request');
    }
    const joined = await from('127.0.0.9', server.url, 'POST', '/api/join', {
      body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Hugo', group: 'resident' },
    });
    expect(joined.status).toBe(201);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  it('counts the address the proxy saw, and a client cannot forge its way out', async () => {
    const server = await startServer({ env: { TRUST_PROXY: '1' } });
    const workshop = await createWorkshop(server.url);
    // The proxy (127.0.0.8) forwards an attacker at 198.51.100.1.
    const attacker = await flood('127.0.0.8', server.url, 40, { 'x-forwarded-for': '198.51.100.1' });
    expect(attacker.filter((a) => a.status !== 429).length).toBeLessThanOrEqual(11);
    // Writing another address on the left changes nothing: the proxy appended the real one.
    expectTooMany(
      await from('127.0.0.8', server.url, 'GET', `/api/join/${randomCode()}`, {
        headers: { 'x-forwarded-for': '192.0.2.50, 198.51.100.1' },
      }),
    );
    expect(refusalsLogged(server, 'join-address').every((e) => e.address === '198.51.100.1')).toBe(true);
    // Someone else behind the same proxy is looked up, wrong code or right one.
    const other = { 'x-forwarded-for': '198.51.100.2' };
    expectError(
      await from('127.0.0.8', server.url, 'GET', `/api/join/${randomCode()}`, { headers: other }),
      404,
      'not_found',
    );
    const joined = await from('127.0.0.8', server.url, 'POST', '/api/join', {
      body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Léa', group: 'elected' },
      headers: other,
    });
    expect(joined.status).toBe(201);
    await server.stop();
  });
});

describe('the global budget', () => {
  it('once spent, refuses addresses that already failed before any lookup, and a clean address still gets its lookup', async () => {
    const server = await startServer({
      env: { JOIN_GLOBAL_FAILURES_PER_HOUR: '20', JOIN_FAILURES_WHEN_SPENT_PER_DAY: '2' },
    });
    const workshop = await createWorkshop(server.url);

    // 127.0.0.5 fails once early; then two attackers spend the rest of the budget (19).
    expectError(await from('127.0.0.5', server.url, 'GET', `/api/join/${randomCode()}`), 404, 'not_found');
    const first = await flood('127.0.0.2', server.url, 30);
    expect(first.filter((a) => a.status === 404 || a.status === 400)).toHaveLength(10);
    const second = await flood('127.0.0.3', server.url, 30);
    // 9 left in the budget, then 127.0.0.3 has failed more than twice: refused for the global limit.
    expect(second.filter((a) => a.status === 404 || a.status === 400)).toHaveLength(9);
    const refused = second.filter((a) => a.status === 429);
    for (const answer of refused) expectTooMany(answer);
    expect(refusalsLogged(server, 'join-global').length).toBeGreaterThan(0);
    // 20 an hour: the budget has a token again in 180 s.
    expect(Number(refused.at(-1)?.retryAfter)).toBeLessThanOrEqual(180);

    // 127.0.0.5 failed once: one more lookup, then refused like the attackers.
    expectError(await from('127.0.0.5', server.url, 'GET', `/api/join/${randomCode()}`), 404, 'not_found');
    const third = await from('127.0.0.5', server.url, 'GET', `/api/join/${randomCode()}`);
    expectTooMany(third);
    expect(ApiError.parse(third.body).error.message).toMatch(/on this server/);

    // A clean address with the right code joins at once, and sees the preview.
    const preview = await from('127.0.0.4', server.url, 'GET', `/api/join/${workshop.joinCode}`);
    expect(preview.status).toBe(200);
    const joined = await from('127.0.0.4', server.url, 'POST', '/api/join', {
      body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Léa', group: 'elected' },
    });
    expect(joined.status).toBe(201);
    // A clean address with a wrong code gets its answer (two tries), then is refused.
    expectError(await from('127.0.0.6', server.url, 'GET', `/api/join/${randomCode()}`), 404, 'not_found');
    expectError(await from('127.0.0.6', server.url, 'GET', `/api/join/${randomCode()}`), 404, 'not_found');
    expectTooMany(await from('127.0.0.6', server.url, 'GET', `/api/join/${randomCode()}`));
    await server.stop();
  });
});

describe('closing the door', () => {
  const server = useServer();
  const setJoining = (workshopId: string, token: string, open: boolean) =>
    api(server.url, 'PUT', `/api/workshops/${workshopId}/joining`, { token, body: { open } });

  it('answers 410 joining_closed on both routes while closed, keeps everyone in, and reopens', async () => {
    const cast = await workshopWith(server.url, { lea: { name: 'Léa Muller', group: 'elected' } });
    const { workshop } = cast;
    const board = roomName(workshop.id, 'board');
    const lea = await connectDoc(server.wsUrl, board, cast.lea.token);
    const facilitator = await connectDoc(server.wsUrl, board, workshop.facilitatorToken);

    // Only a facilitator closes it.
    expectError(await setJoining(workshop.id, cast.lea.token, false), 403, 'forbidden');
    expectError(await setJoining(workshop.id, 'nope', false), 401, 'unauthorized');
    expectError(
      await api(server.url, 'PUT', `/api/workshops/${workshop.id}/joining`, {
        token: workshop.facilitatorToken,
        body: { open: 'no' },
      }),
      400,
      'bad_request',
    );

    const closed = await setJoining(workshop.id, workshop.facilitatorToken, false);
    expect(closed.status).toBe(200);
    expect(JoiningState.parse(closed.body)).toEqual({ open: false });
    const summary = await api(server.url, 'GET', `/api/workshops/${workshop.id}`, {
      token: workshop.facilitatorToken,
    });
    expect(WorkshopSummary.parse(summary.body).joiningOpen).toBe(false);
    // Participants are not told.
    const leaSummary = await api(server.url, 'GET', `/api/workshops/${workshop.id}`, {
      token: cast.lea.token,
    });
    expect(WorkshopSummary.parse(leaSummary.body).joiningOpen).toBeUndefined();

    const preview = await api(server.url, 'GET', `/api/join/${workshop.joinCode}`);
    expectError(preview, 410, 'joining_closed');
    expect(ApiError.parse(preview.body).error.message).toMatch(/closed joining/);
    // Not kept by a browser: once reopened, the same link works at once.
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expectError(
      await api(server.url, 'POST', '/api/join', {
        body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Hugo', group: 'resident' },
      }),
      410,
      'joining_closed',
    );

    // Léa, already in, keeps her socket and her token.
    addNote(lea.doc, { x: 0, y: 0, author: cast.lea.participantId, text: 'Tiers-lieu à la gare' });
    await waitDoc(
      facilitator,
      (doc) => readNotes(doc).some((n) => n.text === 'Tiers-lieu à la gare'),
      'the facilitator to see Léa’s note sent after joining closed',
    );
    expect(lea.closes).toEqual([]);
    expect(
      (await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: cast.lea.token })).status,
    ).toBe(200);

    const reopened = await setJoining(workshop.id, workshop.facilitatorToken, true);
    expect(JoiningState.parse(reopened.body)).toEqual({ open: true });
    expect((await api(server.url, 'GET', `/api/join/${workshop.joinCode}`)).status).toBe(200);
    const hugo = await api(server.url, 'POST', '/api/join', {
      body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Hugo', group: 'resident' },
    });
    expect(hugo.status).toBe(201);
    expect(
      logEntries(server)
        .filter((e) => e.workshopId === workshop.id && /^joining /.test(String(e.msg)))
        .map((e) => e.msg),
    ).toEqual(['joining closed', 'joining reopened']);
    for (const client of [lea, facilitator]) client.destroy();
  });
});

describe('a code expires after the workshop was idle', () => {
  it('answers 410 code_expired past JOIN_CODE_TTL_DAYS, and a new code or reopening makes it work again', async () => {
    const server = await startServer({ env: { JOIN_CODE_TTL_DAYS: '2' } });
    const db = await openServerDatabase(server.dataDir);
    const idleFor = (workshopId: string, days: number) =>
      db.run('UPDATE workshops SET last_active_at = ? WHERE id = ?', [
        new Date(Date.now() - days * 86_400_000).toISOString(),
        workshopId,
      ]);
    try {
      const workshop = await createWorkshop(server.url);
      await idleFor(workshop.id, 1.5);
      expect((await api(server.url, 'GET', `/api/join/${workshop.joinCode}`)).status).toBe(200);

      await idleFor(workshop.id, 3);
      const expired = await api(server.url, 'GET', `/api/join/${workshop.joinCode}`);
      expectError(expired, 410, 'code_expired');
      expect(ApiError.parse(expired.body).error.message).toMatch(/new code/);
      expectError(
        await api(server.url, 'POST', '/api/join', {
          body: { noticeVersion: NOTICE, code: workshop.joinCode, name: 'Hugo', group: 'resident' },
        }),
        410,
        'code_expired',
      );

      // A new code is valid at once.
      const rotated = await api<{ joinCode: string }>(
        server.url,
        'POST',
        `/api/workshops/${workshop.id}/join-code`,
        { token: workshop.facilitatorToken },
      );
      expect((await api(server.url, 'GET', `/api/join/${rotated.body.joinCode}`)).status).toBe(200);

      // Idle again: reopening the door (even an open one) makes the same code valid again.
      await idleFor(workshop.id, 3);
      expectError(await api(server.url, 'GET', `/api/join/${rotated.body.joinCode}`), 410, 'code_expired');
      const reopened = await api(server.url, 'PUT', `/api/workshops/${workshop.id}/joining`, {
        token: workshop.facilitatorToken,
        body: { open: true },
      });
      expect(reopened.status).toBe(200);
      const joined = await api(server.url, 'POST', '/api/join', {
        body: { noticeVersion: NOTICE, code: rotated.body.joinCode, name: 'Hugo', group: 'resident' },
      });
      expect(joined.status).toBe(201);
    } finally {
      await db.close();
      await server.stop();
    }
  });
});

import {
  ApiError,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  WorkshopPreview,
  WorkshopSummary,
} from '@atelier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanup,
  createWorkshop,
  DEFAULT_WORKSHOP,
  type HttpTarget,
  inApp,
  join,
  noticeVersion,
  type RunningServer,
  startServer,
  unknownWorkshopId,
} from './harness';

/** Asserts an error answer: the status and `{error:{code,message}}` with a non-empty message. */
function expectError(answer: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { error: { code } } });
  const parsed = ApiError.safeParse(answer.body);
  expect(parsed.success, `error body ${JSON.stringify(answer.body)} matches ApiError`).toBe(true);
  expect(parsed.data?.error.message.length).toBeGreaterThan(0);
}

/** A well-formed join code that is (with overwhelming probability) nobody's. */
function unusedJoinCode(taken: string): string {
  let code = '';
  do {
    code = Array.from(
      { length: JOIN_CODE_LENGTH },
      () => JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)],
    ).join('');
  } while (code === taken);
  return code;
}

// HTTP only: requests go to the in-process app (`app.request()`), at the server's URL, with no socket.
let server: RunningServer;
let url: string;
let http: HttpTarget;

beforeAll(async () => {
  server = await startServer();
  url = server.url;
  http = inApp(server);
});
afterAll(cleanup);

describe('health and OpenAPI', () => {
  it('answers GET /healthz with 200 {ok:true}', async () => {
    const answer = await api(http, 'GET', '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
  });

  it('answers GET /readyz with 200 {ok:true} while the database takes writes', async () => {
    const answer = await api(http, 'GET', '/readyz');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
  });

  it('serves an OpenAPI 3.1 document at /api/openapi.json that lists the API paths', async () => {
    const answer = await api<{ openapi?: string; paths?: Record<string, Record<string, unknown>> }>(
      http,
      'GET',
      '/api/openapi.json',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toMatch(/^3\.1(\.\d+)?$/);
    const paths = answer.body.paths ?? {};
    // Path parameter names are the server's choice: compare with `{…}` normalised.
    const normalised = new Map(Object.entries(paths).map(([p, ops]) => [p.replace(/\{[^}]+\}/g, '{}'), ops]));
    const expected: [string, string][] = [
      ['/api/workshops', 'post'],
      ['/api/workshops/{}', 'get'],
      ['/api/workshops/{}/join-code', 'post'],
      ['/api/join/{}', 'get'],
      ['/api/join', 'post'],
      ['/api/share-origins', 'get'],
      ['/api/workshops/{}/participants/{}', 'delete'],
      ['/api/workshops/{}/participants/{}', 'patch'],
      ['/api/workshops/{}', 'delete'],
      ['/api/workshops/{}/participants/{}/erase', 'post'],
      ['/api/workshops/{}/participants/{}/data', 'get'],
      ['/api/workshops/{}/drafts', 'get'],
      ['/api/workshops/{}/reveal', 'post'],
      ['/api/workshops/{}/rounds', 'get'],
      ['/api/workshops/{}/rounds', 'post'],
      ['/api/workshops/{}/rounds/{}', 'delete'],
      ['/api/workshops/{}/rounds/{}/{}', 'post'],
      ['/api/workshops/{}/rounds/{}/extend', 'post'],
      ['/api/workshops/{}/rounds/{}/remind', 'post'],
      ['/api/workshops/{}/rounds/{}/progress', 'get'],
      ['/api/workshops/{}/rounds/{}/ballots/{}', 'get'],
      ['/api/workshops/{}/rounds/{}/ballots/{}', 'put'],
      ['/api/workshops/{}/rounds/{}/ballots/{}', 'delete'],
      ['/api/workshops/{}/participation', 'get'],
      ['/api/workshops/{}/public-pack', 'get'],
      ['/api/workshops/{}/follow-up', 'get'],
      ['/api/workshops/{}/follow-up', 'put'],
      ['/api/workshops/{}/follow-up', 'delete'],
      ['/api/workshops/{}/follow-up/statuses', 'post'],
      ['/suivi/{}', 'get'],
      ['/api/strategies', 'post'],
      ['/api/strategies/{}', 'get'],
      ['/api/strategies/{}', 'delete'],
      ['/api/strategies/{}/sessions', 'post'],
      ['/api/strategies/{}/sessions/{}/facilitate', 'post'],
      ['/api/strategies/{}/archived', 'put'],
      ['/api/strategies/{}/changes', 'get'],
      ['/api/strategies/{}/export', 'get'],
      ['/api/schema/strategy-file.json', 'get'],
    ];
    for (const [route, method] of expected) {
      expect(normalised.get(route), `paths has ${method.toUpperCase()} ${route}`).toHaveProperty(method);
    }
  });

  it('answers an unknown API route with 404 not_found', async () => {
    expectError(await api(http, 'GET', '/api/does-not-exist'), 404, 'not_found');
  });
});

describe('POST /api/workshops', () => {
  it('creates a workshop and returns its id, join code, facilitator token and links', async () => {
    const created = await createWorkshop(http);
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(created.facilitatorToken.length).toBeGreaterThanOrEqual(16);
    expect(created.participantId).toBeTruthy();
    expect(created.links.participant).toBe(`${url}/join/${created.joinCode}`);
    expect(created.links.facilitator).toBe(`${url}/w/${created.id}#token=${created.facilitatorToken}`);
  });

  it('gives every workshop its own id, join code and token', async () => {
    const [a, b] = await Promise.all([createWorkshop(http), createWorkshop(http)]);
    expect(a.id).not.toBe(b.id);
    expect(a.joinCode).not.toBe(b.joinCode);
    expect(a.facilitatorToken).not.toBe(b.facilitatorToken);
  });

  it('makes join codes of unambiguous characters only (no 0, O, 1, I, L)', async () => {
    const created = await Promise.all(Array.from({ length: 25 }, () => createWorkshop(http)));
    for (const { joinCode } of created) {
      expect(joinCode).toHaveLength(JOIN_CODE_LENGTH);
      expect(joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`));
      expect(joinCode).not.toMatch(/[0O1IL]/);
    }
  });

  it('accepts a workshop without a facilitator name', async () => {
    const { facilitatorName: _omitted, ...body } = DEFAULT_WORKSHOP;
    const created = await createWorkshop(http, body);
    expect(created.id).toBeTruthy();
  });

  it.each([
    ['a missing title', { ...DEFAULT_WORKSHOP, title: undefined }],
    ['a blank title', { ...DEFAULT_WORKSHOP, title: '   ' }],
    ['a title over 200 characters', { ...DEFAULT_WORKSHOP, title: 'x'.repeat(201) }],
    ['an unknown territory kind', { ...DEFAULT_WORKSHOP, territory: { name: 'Val', kind: 'galaxy' } }],
    ['a missing territory', { ...DEFAULT_WORKSHOP, territory: undefined }],
    ['an unknown locale', { ...DEFAULT_WORKSHOP, locale: 'de' }],
    ['a facilitator name over 60 characters', { ...DEFAULT_WORKSHOP, facilitatorName: 'n'.repeat(61) }],
    ['an array instead of an object', [DEFAULT_WORKSHOP]],
  ])('refuses %s with 400 bad_request', async (_label, body) => {
    expectError(await api(http, 'POST', '/api/workshops', { body }), 400, 'bad_request');
  });

  it('refuses invalid JSON with 400 bad_request', async () => {
    expectError(await api(http, 'POST', '/api/workshops', { body: '{"title": "x",' }), 400, 'bad_request');
  });

  it('refuses an empty body with 400 bad_request', async () => {
    expectError(
      await api(http, 'POST', '/api/workshops', {
        body: '',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'bad_request',
    );
  });

  it('refuses a 5 MB body with 413 payload_too_large and keeps serving', async () => {
    const body = JSON.stringify({ ...DEFAULT_WORKSHOP, title: 'x'.repeat(5 * 1024 * 1024) });
    expectError(await api(http, 'POST', '/api/workshops', { body }), 413, 'payload_too_large');
    expect((await api(http, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('joining', () => {
  it('shows the join page preview for a join code', async () => {
    const created = await createWorkshop(http);
    const answer = await api(http, 'GET', `/api/join/${created.joinCode}`);
    expect(answer.status).toBe(200);
    expect(WorkshopPreview.parse(answer.body)).toEqual({
      id: created.id,
      title: DEFAULT_WORKSHOP.title,
      territory: DEFAULT_WORKSHOP.territory,
      locale: DEFAULT_WORKSHOP.locale,
      // The notice joining acknowledges, in the workshop's language (privacy.test.ts says more).
      privacy: expect.objectContaining({ locale: 'fr', title: 'Vos données dans cet atelier' }),
    });
  });

  it('finds the preview with a code typed in lowercase with spaces', async () => {
    const created = await createWorkshop(http);
    const typed = `${created.joinCode.slice(0, 3)} ${created.joinCode.slice(3)}`.toLowerCase();
    const answer = await api<{ id?: string }>(http, 'GET', `/api/join/${encodeURIComponent(typed)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(created.id);
  });

  it('answers the preview of an unknown code with 404 not_found', async () => {
    const created = await createWorkshop(http);
    expectError(await api(http, 'GET', `/api/join/${unusedJoinCode(created.joinCode)}`), 404, 'not_found');
  });

  it('joins as a participant by default', async () => {
    const created = await createWorkshop(http);
    const answer = await api<Record<string, unknown>>(http, 'POST', '/api/join', {
      body: {
        code: created.joinCode,
        name: 'Paul',
        group: 'resident',
        noticeVersion: await noticeVersion(http, created.joinCode),
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ workshopId: created.id, role: 'participant' });
    expect(answer.body.token).toEqual(expect.any(String));
    expect(answer.body.token).not.toBe(created.facilitatorToken);
    expect(answer.body.participantId).not.toBe(created.participantId);
  });

  it('joins with a code typed in lowercase with spaces and dashes', async () => {
    const created = await createWorkshop(http);
    const c = created.joinCode.toLowerCase();
    for (const typed of [c, ` ${c.slice(0, 3)} ${c.slice(3)} `, `${c.slice(0, 3)}-${c.slice(3)}`]) {
      const joined = await join(http, typed, { name: 'Lou', group: 'staff' });
      expect(joined.workshopId, `joining with "${typed}"`).toBe(created.id);
    }
  });

  it('gives observers the observer role', async () => {
    const created = await createWorkshop(http);
    const joined = await join(http, created.joinCode, { name: 'Olga', group: 'partner', role: 'observer' });
    expect(joined.role).toBe('observer');
  });

  it('never grants the facilitator role by joining', async () => {
    const created = await createWorkshop(http);
    const answer = await api(http, 'POST', '/api/join', {
      body: {
        code: created.joinCode,
        name: 'Mallory',
        group: 'other',
        role: 'facilitator',
        noticeVersion: await noticeVersion(http, created.joinCode),
      },
    });
    expectError(answer, 400, 'bad_request');
  });

  it('answers a join with an unknown code with 404 not_found', async () => {
    const created = await createWorkshop(http);
    const answer = await api(http, 'POST', '/api/join', {
      body: {
        code: unusedJoinCode(created.joinCode),
        name: 'Paul',
        group: 'resident',
        noticeVersion: await noticeVersion(http, created.joinCode),
      },
    });
    expectError(answer, 404, 'not_found');
  });

  it.each([
    ['a missing name', { name: undefined, group: 'resident' }],
    ['a blank name', { name: '  ', group: 'resident' }],
    ['a name over 60 characters', { name: 'n'.repeat(61), group: 'resident' }],
    ['an unknown group', { name: 'Paul', group: 'aliens' }],
    ['an unknown role', { name: 'Paul', group: 'resident', role: 'admin' }],
  ])('refuses a join with %s with 400 bad_request', async (_label, person) => {
    const created = await createWorkshop(http);
    const acknowledged = { noticeVersion: await noticeVersion(http, created.joinCode) };
    expectError(
      await api(http, 'POST', '/api/join', { body: { code: created.joinCode, ...acknowledged, ...person } }),
      400,
      'bad_request',
    );
  });

  it.each([
    ['too short', 'ABC'],
    ['with ambiguous characters', 'O0I1L2'],
  ])('refuses a join code that is %s with 400 bad_request', async (_label, code) => {
    expectError(
      await api(http, 'POST', '/api/join', {
        body: { code, name: 'Paul', group: 'resident', noticeVersion: 'any' },
      }),
      400,
      'bad_request',
    );
  });

  it('refuses a join with invalid JSON with 400 bad_request', async () => {
    expectError(await api(http, 'POST', '/api/join', { body: 'not json' }), 400, 'bad_request');
  });
});

describe('GET /api/workshops/:id', () => {
  it('describes the workshop, its participants and the join code to its facilitator', async () => {
    const created = await createWorkshop(http);
    const paul = await join(http, created.joinCode, { name: 'Paul', group: 'resident' });
    const olga = await join(http, created.joinCode, { name: 'Olga', group: 'partner', role: 'observer' });
    const answer = await api(http, 'GET', `/api/workshops/${created.id}`, {
      token: created.facilitatorToken,
    });
    expect(answer.status).toBe(200);
    const summary = WorkshopSummary.parse(answer.body);
    expect(summary).toMatchObject({
      id: created.id,
      title: DEFAULT_WORKSHOP.title,
      territory: DEFAULT_WORKSHOP.territory,
      locale: DEFAULT_WORKSHOP.locale,
      joinCode: created.joinCode,
      you: { id: created.participantId, role: 'facilitator', name: DEFAULT_WORKSHOP.facilitatorName },
    });
    expect(Number.isNaN(Date.parse(summary.createdAt))).toBe(false);
    const byId = new Map(summary.participants.map((p) => [p.id, p]));
    expect(byId.get(paul.participantId)).toMatchObject({
      name: 'Paul',
      group: 'resident',
      role: 'participant',
    });
    expect(byId.get(olga.participantId)).toMatchObject({ name: 'Olga', group: 'partner', role: 'observer' });
    expect(byId.get(created.participantId)).toMatchObject({ role: 'facilitator' });
  });

  it('describes the workshop to a participant without the join code', async () => {
    const created = await createWorkshop(http);
    const paul = await join(http, created.joinCode, { name: 'Paul', group: 'resident' });
    const answer = await api(http, 'GET', `/api/workshops/${created.id}`, { token: paul.token });
    expect(answer.status).toBe(200);
    const summary = WorkshopSummary.parse(answer.body);
    expect(summary.joinCode).toBeUndefined();
    expect(summary.you).toMatchObject({ id: paul.participantId, name: 'Paul', role: 'participant' });
  });

  it('refuses a request without a token with 401 unauthorized', async () => {
    const created = await createWorkshop(http);
    expectError(await api(http, 'GET', `/api/workshops/${created.id}`), 401, 'unauthorized');
  });

  it('refuses an invalid token with 401 unauthorized', async () => {
    const created = await createWorkshop(http);
    expectError(
      await api(http, 'GET', `/api/workshops/${created.id}`, { token: 'not-a-token' }),
      401,
      'unauthorized',
    );
    expectError(
      await api(http, 'GET', `/api/workshops/${created.id}`, {
        headers: { authorization: `Basic ${created.facilitatorToken}` },
      }),
      401,
      'unauthorized',
    );
  });

  it('refuses the token of another workshop with 401 unauthorized', async () => {
    const [a, b] = await Promise.all([createWorkshop(http), createWorkshop(http)]);
    const paulOfB = await join(http, b.joinCode, { name: 'Paul', group: 'resident' });
    expectError(
      await api(http, 'GET', `/api/workshops/${a.id}`, { token: b.facilitatorToken }),
      401,
      'unauthorized',
    );
    expectError(
      await api(http, 'GET', `/api/workshops/${a.id}`, { token: paulOfB.token }),
      401,
      'unauthorized',
    );
  });

  it('answers an unknown workshop id with 404 not_found', async () => {
    const created = await createWorkshop(http);
    expectError(
      await api(http, 'GET', `/api/workshops/${unknownWorkshopId()}`, { token: created.facilitatorToken }),
      404,
      'not_found',
    );
  });
});

describe('PUBLIC_URL', () => {
  it('builds the shared links on PUBLIC_URL when it is set', async () => {
    const other = await startServer({ env: { PUBLIC_URL: 'https://atelier.example.org' } });
    try {
      const created = await createWorkshop(inApp(other));
      expect(created.links.participant).toBe(`https://atelier.example.org/join/${created.joinCode}`);
      expect(created.links.facilitator).toBe(
        `https://atelier.example.org/w/${created.id}#token=${created.facilitatorToken}`,
      );
    } finally {
      await other.stop();
    }
  });
});

import { WorkshopPreview } from '@atelier/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestError, requestJson } from './http';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('requestJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns the validated answer and sends the bearer token', async () => {
    const fetchMock = vi.fn(async () =>
      answer(200, {
        id: 'w1',
        title: 'T',
        territory: { name: 'N', kind: 'region' },
        locale: 'fr',
        privacy: {
          version: 'v1',
          locale: 'fr',
          title: 'Vos données',
          paragraphs: ['…'],
          retentionDays: null,
          contact: null,
        },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const preview = await requestJson('/api/join/ABC234', WorkshopPreview, { token: 'tok' });
    expect(preview.title).toBe('T');
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('surfaces the server error code and message', async () => {
    vi.stubGlobal('fetch', async () =>
      answer(404, { error: { code: 'not_found', message: 'No such code' } }),
    );
    await expect(requestJson('/x', WorkshopPreview)).rejects.toMatchObject({
      code: 'not_found',
      message: 'No such code',
      status: 404,
    });
  });

  it('carries each problem the server lists in a refusal', async () => {
    const issues = [{ path: 'strategy.notes.0.text', message: 'Expected string' }];
    vi.stubGlobal('fetch', async () =>
      answer(400, { error: { code: 'bad_request', message: 'Invalid strategy', issues } }),
    );
    await expect(requestJson('/x', WorkshopPreview)).rejects.toMatchObject({
      code: 'bad_request',
      problems: issues,
    });
  });

  it('carries how long the server asked to wait (Retry-After) on 429 and 503', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many exports' } }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '3' },
        }),
    );
    await expect(requestJson('/x', WorkshopPreview)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 3000,
    });
    vi.stubGlobal('fetch', async () => new Response('busy', { status: 503 }));
    await expect(requestJson('/x', WorkshopPreview)).rejects.toMatchObject({
      code: 'server_busy',
      retryAfterMs: null,
    });
  });

  it('rejects answers that do not match the schema', async () => {
    vi.stubGlobal('fetch', async () => answer(200, { nope: true }));
    await expect(requestJson('/x', WorkshopPreview)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports a network failure as such', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await requestJson('/x', WorkshopPreview).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('network');
  });
});

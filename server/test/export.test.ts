import { type ApiError, buildStrategy, Strategy } from '@atelier/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { exportWorkshop, NOTE_TEXTS } from './export-workshop';
import { api, useServer, waitFor } from './harness';

const server = useServer();
let built: Awaited<ReturnType<typeof exportWorkshop>> | undefined;
afterEach(() => built?.close());

const exportPath = (id: string, query = '') => `/api/workshops/${id}/export${query}`;

describe('export API', () => {
  it('gives the facilitator the whole outcome as JSON, valid against the schema and equal to what the clients wrote', async () => {
    built = await exportWorkshop(server);
    const { cast, fanny } = built;
    const answer = await api<unknown>(server.url, 'GET', exportPath(cast.workshop.id, '?format=json'), {
      token: fanny,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const today = new Date().toISOString().slice(0, 10);
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="atelier-strategie-d-innovation-territoriale-${today}.json"`,
    );
    const strategy = Strategy.parse(answer.body);
    // What the facilitator's client reads from its own synced documents, with the server's people.
    const expected = buildStrategy({
      board: built.board,
      control: built.control,
      workshop: { ...strategy.workshop, createdAt: `${strategy.workshop.date}T00:00:00.000Z` },
      people: [],
      exportedBy: strategy.provenance.exportedBy,
      exportedAt: new Date(strategy.provenance.exportedAt),
      includeNames: false,
      appVersion: strategy.provenance.appVersion,
    });
    const { notes, issues, axes, actions, partners, indicators, rounds, themes } = strategy;
    expect({ issues, axes, actions, partners, indicators, rounds, themes }).toEqual({
      issues: expected.issues,
      axes: expected.axes,
      actions: expected.actions,
      partners: expected.partners,
      indicators: expected.indicators,
      rounds: expected.rounds,
      themes: expected.themes,
    });
    expect(notes.map(({ authorGroup: _g, ...n }) => n)).toEqual(
      expected.notes.map(({ authorGroup: _g, ...n }) => n),
    );
    // The server knows the authors' groups.
    const group = (text: string) => notes.find((n) => n.text === text)?.authorGroup;
    expect([group(NOTE_TEXTS.alice[0]), group(NOTE_TEXTS.bob[0]), group(NOTE_TEXTS.hugo[0])]).toEqual([
      'resident',
      'business',
      'elected',
    ]);
    expect(strategy.participation).toMatchObject({
      total: 5,
      byRole: { facilitator: 1, participant: 3, observer: 1 },
      people: null,
    });
    expect(strategy.rounds).toHaveLength(1);
    expect(strategy.issues.find((i) => i.id === built?.ids.issues.mobility)?.votes[0]).toMatchObject({
      total: 3,
      rank: 1,
    });
  });

  it('includes names only when asked', async () => {
    built = await exportWorkshop(server);
    const { cast, fanny } = built;
    const named = await api<Strategy>(
      server.url,
      'GET',
      exportPath(cast.workshop.id, '?format=json&names=true'),
      { token: fanny },
    );
    // In order of arrival: the creator first, then the others (who joined at the same time).
    const names = named.body.participation.people?.map((p) => p.name) ?? [];
    expect(names[0]).toBe('Fanny Facilitatrice');
    expect(names.slice(1).sort()).toEqual(['Alice Martin', 'Bob Dupont', 'Hugo Petit', 'Olga']);
    const anonymous = await api<Strategy>(server.url, 'GET', exportPath(cast.workshop.id), { token: fanny });
    expect(JSON.stringify(anonymous.body)).not.toContain('Alice Martin');
  });

  it('refuses participants, observers, strangers and unknown formats', async () => {
    built = await exportWorkshop(server);
    const { cast } = built;
    const code = (answer: { body: unknown }) => (answer.body as ApiError).error.code;
    const asAlice = await api(server.url, 'GET', exportPath(cast.workshop.id), { token: cast.alice.token });
    expect([asAlice.status, code(asAlice)]).toEqual([403, 'forbidden']);
    const asOlga = await api(server.url, 'GET', exportPath(cast.workshop.id), { token: cast.olga.token });
    expect(asOlga.status).toBe(403);
    expect((await api(server.url, 'GET', exportPath(cast.workshop.id))).status).toBe(401);
    const pdf = await api(server.url, 'GET', exportPath(cast.workshop.id, '?format=pdf'), {
      token: built.fanny,
    });
    expect([pdf.status, code(pdf)]).toEqual([400, 'bad_request']);
  });
});

describe('export of a board a script wrote past the app’s limits', () => {
  it('says which fields the schema refuses instead of sending a file that breaks it', async () => {
    built = await exportWorkshop(server);
    const note = built.board.getMap<Y.Map<unknown>>('notes').values().next().value as Y.Map<unknown>;
    const text = note.get('text') as Y.Text;
    // Past the 2,000 characters addNote keeps to: only a script writing the Y.Text directly gets here.
    text.insert(text.length, 'x'.repeat(2_500));
    const { cast, fanny } = built;
    await waitFor(async () => {
      const answer = await api<ApiError>(server.url, 'GET', exportPath(cast.workshop.id), { token: fanny });
      return answer.status === 500;
    }, 'the server to hold the long note');
    const answer = await api<ApiError>(server.url, 'GET', exportPath(cast.workshop.id), { token: fanny });
    expect(answer.body.error.code).toBe('internal');
    expect(answer.body.error.message).toMatch(/strategy schema refuses/);
    expect(answer.body.error.issues).toEqual([
      { path: expect.stringMatching(/^notes\.\d+\.text$/), message: expect.any(String) },
    ]);
  });
});

describe('strategy schema', () => {
  it('is served as a JSON Schema that names every part of the outcome', async () => {
    const answer = await api<{ title: string; properties: Record<string, unknown> }>(
      server.url,
      'GET',
      '/api/schema/strategy.json',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.title).toBe('Atelier strategy, schema version 1');
    expect(Object.keys(answer.body.properties)).toContain('actions');
  });
});

import {
  ApiError,
  addNote,
  type CreateWorkshopResponse,
  RotateJoinCodeResponse,
  readNotes,
  roomName,
  WorkshopPreview,
  WorkshopSummary,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  connectDoc,
  createWorkshop,
  join,
  logEntries,
  noticeVersion,
  type Person,
  startServer,
  unknownWorkshopId,
  useServer,
  waitDoc,
  workshopWith,
} from './harness';

const server = useServer();

const CAST = {
  lea: { name: 'Léa Muller', group: 'elected' },
  olga: { name: 'Olga', group: 'partner', role: 'observer' },
} satisfies Record<string, Person>;

const rotate = (baseUrl: string, workshopId: string, token?: string) =>
  api(baseUrl, 'POST', `/api/workshops/${workshopId}/join-code`, token === undefined ? {} : { token });

function expectError(answer: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { error: { code } } });
  expect(ApiError.safeParse(answer.body).success).toBe(true);
}

async function summary(workshopId: string, token: string): Promise<WorkshopSummary> {
  const answer = await api(server.url, 'GET', `/api/workshops/${workshopId}`, { token });
  expect(answer.status).toBe(200);
  return WorkshopSummary.parse(answer.body);
}

/** The code as the facilitator's summary gives it now. */
async function currentCode(workshop: CreateWorkshopResponse): Promise<string | undefined> {
  return (await summary(workshop.id, workshop.facilitatorToken)).joinCode;
}

describe('issuing a new join code', () => {
  it('closes the old code to new arrivals at once and keeps everyone already in', async () => {
    const cast = await workshopWith(server.url, CAST);
    const { workshop } = cast;
    const oldCode = workshop.joinCode;
    const leaBoard = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), cast.lea.token);
    const facilitatorBoard = await connectDoc(
      server.wsUrl,
      roomName(workshop.id, 'board'),
      workshop.facilitatorToken,
    );

    const answer = await rotate(server.url, workshop.id, workshop.facilitatorToken);
    expect(answer.status).toBe(200);
    const rotated = RotateJoinCodeResponse.parse(answer.body);
    expect(rotated.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(rotated.joinCode).not.toBe(oldCode);
    // Same shape as the link given at creation.
    expect(rotated.links.participant).toBe(workshop.links.participant.replace(oldCode, rotated.joinCode));
    expect(await currentCode(workshop)).toBe(rotated.joinCode);

    // The old code opens nothing: neither the join page's preview nor a join (in any spelling).
    expectError(await api(server.url, 'GET', `/api/join/${oldCode}`), 404, 'not_found');
    const byOldCode = {
      code: oldCode.toLowerCase(),
      name: 'Léa (bis)',
      group: 'elected',
      noticeVersion: await noticeVersion(server.url, rotated.joinCode),
    };
    expectError(await api(server.url, 'POST', '/api/join', { body: byOldCode }), 404, 'not_found');

    // The new one does.
    const preview = await api(server.url, 'GET', `/api/join/${rotated.joinCode}`);
    expect(WorkshopPreview.parse(preview.body).id).toBe(workshop.id);
    const hugo = await join(server.url, rotated.joinCode, { name: 'Hugo', group: 'resident' });
    expect(hugo.workshopId).toBe(workshop.id);

    // People already in keep their token over HTTP, and their open socket still carries edits.
    expect((await summary(workshop.id, cast.lea.token)).you.id).toBe(cast.lea.participantId);
    expect((await summary(workshop.id, cast.olga.token)).you.id).toBe(cast.olga.participantId);
    addNote(leaBoard.doc, { x: 0, y: 0, author: cast.lea.participantId, text: 'Navette vers la gare' });
    await waitDoc(
      facilitatorBoard,
      (doc) => readNotes(doc).some((n) => n.text === 'Navette vers la gare'),
      'the facilitator to see Léa’s note sent on her socket opened before the new code',
    );
    expect(leaBoard.closes).toEqual([]);
    expect(leaBoard.provider.wsconnected).toBe(true);

    const logged = logEntries(server).find(
      (e) => e.msg === 'join code changed' && e.workshopId === workshop.id,
    );
    expect(logged).toMatchObject({ by: workshop.participantId });
    expect(JSON.stringify(logged)).not.toContain(rotated.joinCode);
    for (const client of [leaBoard, facilitatorBoard]) client.destroy();
  });

  it('gives a different code each time, and the code before the last one stays closed', async () => {
    const workshop = await createWorkshop(server.url);
    const first = RotateJoinCodeResponse.parse(
      (await rotate(server.url, workshop.id, workshop.facilitatorToken)).body,
    );
    const second = RotateJoinCodeResponse.parse(
      (await rotate(server.url, workshop.id, workshop.facilitatorToken)).body,
    );
    expect(new Set([workshop.joinCode, first.joinCode, second.joinCode]).size).toBe(3);
    for (const closed of [workshop.joinCode, first.joinCode]) {
      expectError(await api(server.url, 'GET', `/api/join/${closed}`), 404, 'not_found');
    }
    expect((await api(server.url, 'GET', `/api/join/${second.joinCode}`)).status).toBe(200);
  });

  it('is refused to participants, observers, other workshops and strangers, and the code stays', async () => {
    const cast = await workshopWith(server.url, CAST);
    const { workshop } = cast;
    const other = await createWorkshop(server.url);

    expectError(await rotate(server.url, workshop.id, cast.lea.token), 403, 'forbidden');
    expectError(await rotate(server.url, workshop.id, cast.olga.token), 403, 'forbidden');
    expectError(await rotate(server.url, workshop.id, other.facilitatorToken), 401, 'unauthorized');
    expectError(await rotate(server.url, workshop.id), 401, 'unauthorized');
    expectError(await rotate(server.url, unknownWorkshopId(), workshop.facilitatorToken), 404, 'not_found');
    expectError(await rotate(server.url, 'not an id', workshop.facilitatorToken), 400, 'bad_request');

    expect(await currentCode(workshop)).toBe(workshop.joinCode);
    expect(await currentCode(other)).toBe(other.joinCode);
    expect((await api(server.url, 'GET', `/api/join/${workshop.joinCode}`)).status).toBe(200);
  });

  it('is allowed to a co-facilitator', async () => {
    const cast = await workshopWith(server.url, CAST);
    const { workshop } = cast;
    const promoted = await api(
      server.url,
      'PATCH',
      `/api/workshops/${workshop.id}/participants/${cast.lea.participantId}`,
      { token: workshop.facilitatorToken, body: { coFacilitator: true } },
    );
    expect(promoted.status).toBe(200);
    const answer = await rotate(server.url, workshop.id, cast.lea.token);
    expect(answer.status).toBe(200);
    expect(await currentCode(workshop)).toBe(RotateJoinCodeResponse.parse(answer.body).joinCode);
  });

  it('builds the new link on PUBLIC_URL when it is set', async () => {
    const other = await startServer({ env: { PUBLIC_URL: 'https://atelier.example.org' } });
    try {
      const workshop = await createWorkshop(other.url);
      const rotated = RotateJoinCodeResponse.parse(
        (await rotate(other.url, workshop.id, workshop.facilitatorToken)).body,
      );
      expect(rotated.links.participant).toBe(`https://atelier.example.org/join/${rotated.joinCode}`);
    } finally {
      await other.stop();
    }
  });

  it('is documented in the OpenAPI document with every answer', async () => {
    type Operation = { summary?: string; security?: unknown; responses?: Record<string, unknown> };
    const doc = await api<{ paths: Record<string, Record<string, Operation>> }>(
      server.url,
      'GET',
      '/api/openapi.json',
    );
    const operation = doc.body.paths['/api/workshops/{id}/join-code']?.post;
    expect(operation?.summary).toBeTruthy();
    expect(operation?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404']);
  });
});

import {
  ApiError,
  addNote,
  CLOSE_CODES,
  ParticipantSummary,
  readControlState,
  readNotes,
  roomName,
  setStep,
  WorkshopSummary,
  WRITE_DENIED_REASONS,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  connectDoc,
  createWorkshop,
  type DocClient,
  type Person,
  SyncRefused,
  useServer,
  waitDoc,
  waitFor,
  workshopWith,
} from './harness';

const server = useServer();

const CAST = {
  lea: { name: 'Léa Muller', group: 'elected' },
  hugo: { name: 'Hugo Martinez', group: 'resident' },
  olga: { name: 'Olga', group: 'partner', role: 'observer' },
} satisfies Record<string, Person>;

type Cast = Awaited<ReturnType<typeof newWorkshop>>;

function newWorkshop() {
  return workshopWith(server.url, CAST);
}

const sync = (cast: Cast, kind: 'board' | 'control', token: string) =>
  connectDoc(server.wsUrl, roomName(cast.workshop.id, kind), token);

function participantPath(cast: Cast, participantId: string): string {
  return `/api/workshops/${cast.workshop.id}/participants/${participantId}`;
}

const remove = (cast: Cast, participantId: string, token: string) =>
  api(server.url, 'DELETE', participantPath(cast, participantId), { token });

const setCoFacilitator = (cast: Cast, participantId: string, token: string, body: unknown) =>
  api(server.url, 'PATCH', participantPath(cast, participantId), { token, body });

async function summary(cast: Cast, token = cast.workshop.facilitatorToken): Promise<WorkshopSummary> {
  const answer = await api(server.url, 'GET', `/api/workshops/${cast.workshop.id}`, { token });
  expect(answer.status).toBe(200);
  return WorkshopSummary.parse(answer.body);
}

function expectError(answer: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { error: { code } } });
  expect(ApiError.safeParse(answer.body).success).toBe(true);
}

/** Waits for the server to close a client's socket with `code`, then for it to be synced again or refused. */
const closedWith = (client: DocClient, code: number, what: string) =>
  waitFor(() => client.closes.some((c) => c.code === code), what);

const closeCount = (client: DocClient, code: number) => client.closes.filter((c) => c.code === code).length;

describe('removing a participant', () => {
  it('closes their board and control sockets at once, refuses their token afterwards and keeps their notes', async () => {
    const cast = await newWorkshop();
    const leaBoard = await sync(cast, 'board', cast.lea.token);
    const leaControl = await sync(cast, 'control', cast.lea.token);
    const hugoBoard = await sync(cast, 'board', cast.hugo.token);
    addNote(leaBoard.doc, { x: 0, y: 0, author: cast.lea.participantId, text: 'Navette vers la gare' });
    await waitDoc(hugoBoard, (d) => readNotes(d).length === 1, 'Hugo to see Léa’s note');

    const answer = await remove(cast, cast.lea.participantId, cast.workshop.facilitatorToken);
    expect(answer.status).toBe(200);
    expect(ParticipantSummary.parse(answer.body)).toMatchObject({
      id: cast.lea.participantId,
      removed: true,
    });

    await closedWith(leaBoard, CLOSE_CODES.removed, 'Léa’s board socket to close with 4410');
    await closedWith(leaControl, CLOSE_CODES.removed, 'Léa’s control socket to close with 4410');
    expect(leaBoard.closes[0]?.code).toBe(CLOSE_CODES.removed);
    expect(hugoBoard.closes).toEqual([]);

    // The token is dead everywhere: HTTP and new sockets.
    expectError(
      await api(server.url, 'GET', `/api/workshops/${cast.workshop.id}`, { token: cast.lea.token }),
      401,
      'unauthorized',
    );
    const refused = await sync(cast, 'board', cast.lea.token).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncRefused);
    expect((refused as SyncRefused).code).toBe(CLOSE_CODES.unauthorized);

    // Their note stays, and they stay listed (so the note keeps its author's name), marked removed.
    const fresh = await sync(cast, 'board', cast.hugo.token);
    expect(readNotes(fresh.doc).map((n) => n.text)).toEqual(['Navette vers la gare']);
    const listed = (await summary(cast)).participants.find((p) => p.id === cast.lea.participantId);
    expect(listed).toMatchObject({ name: 'Léa Muller', group: 'elected', removed: true });
    // Removing again finds nobody to remove.
    expectError(await remove(cast, cast.lea.participantId, cast.workshop.facilitatorToken), 404, 'not_found');
    for (const c of [leaBoard, leaControl, hugoBoard, fresh]) c.destroy();
  });

  it('is refused to participants and observers, and nothing changes', async () => {
    const cast = await newWorkshop();
    const hugoBoard = await sync(cast, 'board', cast.hugo.token);
    const before = await summary(cast);

    expectError(await remove(cast, cast.hugo.participantId, cast.lea.token), 403, 'forbidden');
    expectError(await remove(cast, cast.hugo.participantId, cast.olga.token), 403, 'forbidden');
    expectError(await remove(cast, cast.workshop.participantId, cast.lea.token), 403, 'forbidden');
    expectError(
      await setCoFacilitator(cast, cast.lea.participantId, cast.lea.token, { coFacilitator: true }),
      403,
      'forbidden',
    );
    expectError(
      await api(server.url, 'DELETE', participantPath(cast, cast.hugo.participantId)),
      401,
      'unauthorized',
    );
    const other = await createWorkshop(server.url);
    expectError(await remove(cast, cast.hugo.participantId, other.facilitatorToken), 401, 'unauthorized');

    expect(await summary(cast)).toEqual(before);
    expect(hugoBoard.closes).toEqual([]);
    await sync(cast, 'board', cast.hugo.token).then((c) => c.destroy());
    hugoBoard.destroy();
  });

  it('does not let a facilitator remove themselves, nor a co-facilitator remove the workshop’s creator', async () => {
    const cast = await newWorkshop();
    const f = cast.workshop.facilitatorToken;
    expectError(await remove(cast, cast.workshop.participantId, f), 403, 'forbidden');
    expect((await setCoFacilitator(cast, cast.lea.participantId, f, { coFacilitator: true })).status).toBe(
      200,
    );
    expectError(await remove(cast, cast.workshop.participantId, cast.lea.token), 403, 'forbidden');
    expectError(
      await setCoFacilitator(cast, cast.workshop.participantId, cast.lea.token, { coFacilitator: false }),
      403,
      'forbidden',
    );
    expectError(await remove(cast, cast.lea.participantId, cast.lea.token), 403, 'forbidden');
    expectError(await remove(cast, 'nobodyHasThisId', f), 404, 'not_found');
    expect((await summary(cast)).participants.every((p) => !p.removed)).toBe(true);
  });

  it('refuses the workshop’s facilitators removing, demoting or erasing the strategy’s facilitator once it is a session', async () => {
    const cast = await newWorkshop();
    const f = cast.workshop.facilitatorToken;
    expect((await setCoFacilitator(cast, cast.lea.participantId, f, { coFacilitator: true })).status).toBe(
      200,
    );
    const made = await api(server.url, 'POST', '/api/strategies', {
      token: f,
      body: { fromWorkshop: cast.workshop.id },
    });
    expect(made.status).toBe(201);
    const listed = (await summary(cast)).participants;
    const strategist = listed.find((p) => p.strategyFacilitator);
    if (!strategist) throw new Error('the session lists the strategy’s facilitator');
    expect(listed.filter((p) => p.strategyFacilitator)).toHaveLength(1);
    expect(strategist).toMatchObject({ role: 'facilitator', removed: false });

    const refused = (answer: { status: number; body: unknown }) => {
      expectError(answer, 403, 'forbidden');
      expect(ApiError.parse(answer.body).error.message).toMatch(/^The strategy’s facilitator cannot be/);
    };
    for (const token of [f, cast.lea.token]) {
      refused(await remove(cast, strategist.id, token));
      refused(await setCoFacilitator(cast, strategist.id, token, { coFacilitator: false }));
      refused(
        await api(server.url, 'POST', `${participantPath(cast, strategist.id)}/erase`, { token, body: {} }),
      );
    }
    expect((await summary(cast)).participants.find((p) => p.id === strategist.id)).toEqual(strategist);
    // The others are moderated as before.
    expect((await remove(cast, cast.hugo.participantId, f)).status).toBe(200);
  });
});

describe('promoting to co-facilitator and back', () => {
  it('lets the promoted person write the control document after reconnecting, and refuses it again once demoted', async () => {
    const cast = await newWorkshop();
    const f = await sync(cast, 'control', cast.workshop.facilitatorToken);
    const hugo = await sync(cast, 'control', cast.hugo.token);
    const hugoBoard = await sync(cast, 'board', cast.hugo.token);

    const promoted = await setCoFacilitator(cast, cast.hugo.participantId, cast.workshop.facilitatorToken, {
      coFacilitator: true,
    });
    expect(promoted.status).toBe(200);
    expect(ParticipantSummary.parse(promoted.body)).toMatchObject({
      role: 'facilitator',
      coFacilitator: true,
    });
    // Both of his sockets reconnect, with the new role.
    await closedWith(hugo, CLOSE_CODES.roleChanged, 'Hugo’s control socket to close with 4001');
    await closedWith(hugoBoard, CLOSE_CODES.roleChanged, 'Hugo’s board socket to close with 4001');
    await waitFor(() => hugo.provider.synced, 'Hugo’s control socket to sync again');
    expect((await summary(cast, cast.hugo.token)).you).toMatchObject({
      role: 'facilitator',
      coFacilitator: true,
    });

    setStep(hugo.doc, 'axes');
    await waitDoc(f, (d) => readControlState(d).step === 'axes', 'the facilitator to see Hugo’s step change');
    expect(hugo.denied).toEqual([]);

    // A co-facilitator moderates too.
    expect((await remove(cast, cast.olga.participantId, cast.hugo.token)).status).toBe(200);

    const demoted = await setCoFacilitator(cast, cast.hugo.participantId, cast.workshop.facilitatorToken, {
      coFacilitator: false,
    });
    expect(ParticipantSummary.parse(demoted.body)).toMatchObject({
      role: 'participant',
      coFacilitator: false,
    });
    await waitFor(() => closeCount(hugo, CLOSE_CODES.roleChanged) === 2, 'Hugo’s socket to close again');
    await waitFor(() => hugo.provider.synced, 'Hugo’s control socket to sync again');
    setStep(hugo.doc, 'monitoring');
    await waitFor(() => hugo.denied.length > 0, 'Hugo’s control write to be refused');
    expect(hugo.denied).toEqual([WRITE_DENIED_REASONS.facilitatorOnly]);
    expect(readControlState(f.doc).step).toBe('axes');
    expectError(await remove(cast, cast.lea.participantId, cast.hugo.token), 403, 'forbidden');
    for (const c of [f, hugo, hugoBoard]) c.destroy();
  });

  it('promotes an observer and demotes them back to observer', async () => {
    const cast = await newWorkshop();
    const f = cast.workshop.facilitatorToken;
    await setCoFacilitator(cast, cast.olga.participantId, f, { coFacilitator: true });
    await setCoFacilitator(cast, cast.olga.participantId, f, { coFacilitator: true });
    const back = await setCoFacilitator(cast, cast.olga.participantId, f, { coFacilitator: false });
    expect(ParticipantSummary.parse(back.body)).toMatchObject({ role: 'observer', coFacilitator: false });
  });

  it('answers bad ids and bodies with 400 and changes nothing', async () => {
    const cast = await newWorkshop();
    const f = cast.workshop.facilitatorToken;
    const hugoBoard = await sync(cast, 'board', cast.hugo.token);
    const before = await summary(cast);
    for (const body of [
      {},
      { coFacilitator: 'yes' },
      { coFacilitator: true, role: 'facilitator' },
      [],
      'null',
    ]) {
      expectError(await setCoFacilitator(cast, cast.hugo.participantId, f, body), 400, 'bad_request');
    }
    expectError(
      await api(server.url, 'PATCH', participantPath(cast, cast.hugo.participantId), {
        token: f,
        body: '{"coFacilitator": tr',
      }),
      400,
      'bad_request',
    );
    expectError(await remove(cast, 'not%20an%20id', f), 400, 'bad_request');
    expect(await summary(cast)).toEqual(before);
    expect(hugoBoard.closes).toEqual([]);
    hugoBoard.destroy();
  });
});

import {
  addNote,
  ChangesResponse,
  CreateSessionResponse,
  CreateStrategyResponse,
  createAction,
  createCluster,
  FacilitateResponse,
  readActions,
  readClusters,
  readNotes,
  renameCluster,
  roomName,
  StrategyDetail,
  setActionText,
  WorkshopSummary,
} from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import {
  api,
  connectDoc,
  createWorkshop,
  type DocClient,
  join,
  SyncRefused,
  useServer,
  waitDoc,
  waitFor,
} from './harness';
import { storedTraces } from './server-database';

const server = useServer();

const STRATEGY = {
  title: 'Stratégie d’innovation du Val Vert',
  territory: { name: 'Communauté de communes du Val Vert', kind: 'epci' },
  locale: 'fr',
} as const;

async function createStrategy(title: string = STRATEGY.title) {
  const answer = await api(server.url, 'POST', '/api/strategies', { body: { ...STRATEGY, title } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return CreateStrategyResponse.parse(answer.body);
}

async function addSession(strategy: { id: string; token: string }, body: Record<string, unknown> = {}) {
  const answer = await api(server.url, 'POST', `/api/strategies/${strategy.id}/sessions`, {
    token: strategy.token,
    body,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return CreateSessionResponse.parse(answer.body);
}

async function facilitatorOf(strategy: { id: string; token: string }, workshopId: string) {
  const answer = await api(
    server.url,
    'POST',
    `/api/strategies/${strategy.id}/sessions/${workshopId}/facilitate`,
    {
      token: strategy.token,
    },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return FacilitateResponse.parse(answer.body);
}

async function readStrategy(strategy: { id: string; token: string }) {
  const answer = await api(server.url, 'GET', `/api/strategies/${strategy.id}`, { token: strategy.token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return StrategyDetail.parse(answer.body);
}

/** The token in a link's fragment (`…#token=…`). */
const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');

const board = (client: DocClient) => client.doc;

/** A strategy with a first session holding a note of Alice's, an issue, and an action sheet; Alice and Bob joined. */
async function strategyWithFirstSession(title: string = STRATEGY.title) {
  const created = await createStrategy(title);
  const strategy = { id: created.strategy.id, token: created.facilitatorToken };
  const first = await addSession(strategy, { date: '2027-01-15', template: 'full' });
  const facilitator = await facilitatorOf(strategy, first.session.workshopId);
  const code = first.session.joinCode;
  const alice = await join(server.url, code, { name: 'Alice', group: 'resident' });
  const bob = await join(server.url, code, { name: 'Bob', group: 'business', role: 'observer' });
  const aliceBoard = await connectDoc(server.wsUrl, roomName(first.session.workshopId, 'board'), alice.token);
  addNote(board(aliceBoard), {
    id: 'note-bus',
    x: 0,
    y: 0,
    author: alice.participantId,
    text: 'Pas de bus le soir',
  });
  const facBoard = await connectDoc(
    server.wsUrl,
    roomName(first.session.workshopId, 'board'),
    facilitator.facilitatorToken,
  );
  await waitDoc(facBoard, (doc) => readNotes(doc).length === 1, 'the facilitator to see Alice’s note');
  createCluster(board(facBoard), { title: 'Mobilités', x: 0, y: 300, notes: ['note-bus'] }, 'issue-mob');
  createAction(board(facBoard), { title: 'Transport à la demande', axis: null }, 'sheet-tad');
  await waitDoc(aliceBoard, (doc) => readActions(doc).length === 1, 'Alice to see the sheet');
  aliceBoard.destroy();
  facBoard.destroy();
  return { strategy, first, facilitator, alice, bob };
}

describe('strategies and sessions', () => {
  it('creates a strategy whose token opens its sessions as facilitator, and lists them in order', async () => {
    const { strategy, first, facilitator } = await strategyWithFirstSession();
    expect(first.from).toBeNull();
    expect(first.session).toMatchObject({ index: 1, date: '2027-01-15', joiningOpen: true });
    expect(first.session.steps).toEqual([
      'assessment',
      'issues',
      'axes',
      'actions',
      'partnerships',
      'monitoring',
    ]);
    expect(tokenOf(first.session.facilitatorLink)).toBe(facilitator.facilitatorToken);
    // The same token each time: the session's facilitator token is derived from the strategy's.
    expect((await facilitatorOf(strategy, first.session.workshopId)).facilitatorToken).toBe(
      facilitator.facilitatorToken,
    );

    const summary = await api(server.url, 'GET', `/api/workshops/${first.session.workshopId}`, {
      token: facilitator.facilitatorToken,
    });
    expect(summary.status).toBe(200);
    expect(WorkshopSummary.parse(summary.body).you).toMatchObject({
      role: 'facilitator',
      coFacilitator: false,
    });

    const second = await addSession(strategy, { template: 'sprint' });
    const detail = await readStrategy(strategy);
    expect(detail.sessions.map((s) => [s.index, s.workshopId])).toEqual([
      [1, first.session.workshopId],
      [2, second.session.workshopId],
    ]);
    expect(detail.sessions[0]?.participation).toEqual({ participants: 2, contributors: 1 });
    expect(detail.sessions[1]?.steps).toEqual(['axes', 'actions', 'partnerships', 'monitoring']);
    expect(detail.sessions[1]?.participation).toEqual({ participants: 0, contributors: 0 });
    expect(detail.sessions[1]?.title).toBe('Stratégie d’innovation du Val Vert — séance 2');
  });

  it('starts a new session from the last one’s outcome with the same ids, and re-invites people with new tokens', async () => {
    const { strategy, first, alice, bob } = await strategyWithFirstSession();
    const second = await addSession(strategy, { invite: 'again' });
    expect(second.from).toBe(first.session.workshopId);
    expect(second.invited.map(({ name, group, role }) => ({ name, group, role }))).toEqual([
      { name: 'Alice', group: 'resident', role: 'participant' },
      { name: 'Bob', group: 'business', role: 'observer' },
    ]);

    // A stock client with the new session's facilitator token reads the earlier outcome, same ids.
    const facilitator = await facilitatorOf(strategy, second.session.workshopId);
    const client = await connectDoc(
      server.wsUrl,
      roomName(second.session.workshopId, 'board'),
      facilitator.facilitatorToken,
    );
    const newAlice = second.invited.find((p) => p.name === 'Alice');
    expect(readNotes(client.doc)).toEqual([
      expect.objectContaining({
        id: 'note-bus',
        text: 'Pas de bus le soir',
        author: newAlice?.participantId,
        cluster: 'issue-mob',
      }),
    ]);
    expect(readClusters(client.doc).map((c) => [c.id, c.title])).toEqual([['issue-mob', 'Mobilités']]);
    expect(readActions(client.doc).map((a) => [a.id, a.title])).toEqual([
      ['sheet-tad', 'Transport à la demande'],
    ]);
    client.destroy();

    // Alice's new link opens the new session as her; her old token does not.
    const aliceNew = tokenOf(newAlice?.link ?? '');
    expect(aliceNew).not.toBe(alice.token);
    const asNew = await api(server.url, 'GET', `/api/workshops/${second.session.workshopId}`, {
      token: aliceNew,
    });
    expect(WorkshopSummary.parse(asNew.body).you).toMatchObject({ name: 'Alice', group: 'resident' });
    for (const old of [alice.token, bob.token]) {
      const refused = await api(server.url, 'GET', `/api/workshops/${second.session.workshopId}`, {
        token: old,
      });
      expect(refused.status).toBe(401);
      await expect(
        connectDoc(server.wsUrl, roomName(second.session.workshopId, 'board'), old),
      ).rejects.toBeInstanceOf(SyncRefused);
    }
    // …and her old token still opens the first session.
    const asOld = await api(server.url, 'GET', `/api/workshops/${first.session.workshopId}`, {
      token: alice.token,
    });
    expect(asOld.status).toBe(200);
  });

  it('starts from a chosen earlier session, and refuses a `from` of another strategy', async () => {
    const { strategy, first } = await strategyWithFirstSession();
    const second = await addSession(strategy);
    const facilitator = await facilitatorOf(strategy, second.session.workshopId);
    const client = await connectDoc(
      server.wsUrl,
      roomName(second.session.workshopId, 'board'),
      facilitator.facilitatorToken,
    );
    addNote(client.doc, {
      id: 'note-s2',
      x: 0,
      y: 0,
      author: facilitator.participantId,
      text: 'Seulement en séance 2',
    });
    const third = await addSession(strategy, { from: first.session.workshopId, invite: 'new' });
    expect(third.from).toBe(first.session.workshopId);
    expect(third.invited).toEqual([]);
    const thirdFacilitator = await facilitatorOf(strategy, third.session.workshopId);
    const thirdBoard = await connectDoc(
      server.wsUrl,
      roomName(third.session.workshopId, 'board'),
      thirdFacilitator.facilitatorToken,
    );
    expect(readNotes(thirdBoard.doc).map((n) => n.id)).toEqual(['note-bus']);
    // Alice's note keeps her name and group as a former participant's (nobody was invited).
    const people = WorkshopSummary.parse(
      (
        await api(server.url, 'GET', `/api/workshops/${third.session.workshopId}`, {
          token: thirdFacilitator.facilitatorToken,
        })
      ).body,
    ).participants;
    const author = people.find((p) => p.id === readNotes(thirdBoard.doc)[0]?.author);
    expect(author).toMatchObject({ name: 'Alice', group: 'resident', removed: true });
    client.destroy();
    thirdBoard.destroy();

    const other = await strategyWithFirstSession();
    const refused = await api(server.url, 'POST', `/api/strategies/${strategy.id}/sessions`, {
      token: strategy.token,
      body: { from: other.first.session.workshopId },
    });
    expect(refused.status).toBe(400);
  });

  it('never lets a strategy token open another strategy, nor a workshop token open a strategy', async () => {
    const a = await strategyWithFirstSession();
    const b = await strategyWithFirstSession();
    const bSession = b.first.session.workshopId;
    // A's token on B's strategy and B's session.
    expect(
      (await api(server.url, 'GET', `/api/strategies/${b.strategy.id}`, { token: a.strategy.token })).status,
    ).toBe(401);
    expect(
      (
        await api(server.url, 'POST', `/api/strategies/${b.strategy.id}/sessions/${bSession}/facilitate`, {
          token: a.strategy.token,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await api(server.url, 'POST', `/api/strategies/${a.strategy.id}/sessions/${bSession}/facilitate`, {
          token: a.strategy.token,
        })
      ).status,
    ).toBe(404);
    // A's session token opens A's session only; a strategy token is no workshop token.
    expect(
      (await api(server.url, 'GET', `/api/workshops/${bSession}`, { token: a.facilitator.facilitatorToken }))
        .status,
    ).toBe(401);
    expect(
      (await api(server.url, 'GET', `/api/workshops/${bSession}`, { token: b.strategy.token })).status,
    ).toBe(401);
    await expect(
      connectDoc(server.wsUrl, roomName(bSession, 'board'), a.facilitator.facilitatorToken),
    ).rejects.toBeInstanceOf(SyncRefused);
    // A session's facilitator token, or a participant's, opens no strategy.
    for (const token of [b.facilitator.facilitatorToken, b.alice.token])
      expect((await api(server.url, 'GET', `/api/strategies/${b.strategy.id}`, { token })).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/strategies/${b.strategy.id}`)).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/strategies/nope', { token: b.strategy.token })).status).toBe(
      404,
    );
  });

  it('archives a strategy (its join codes answer 410) and restores it', async () => {
    const { strategy, first } = await strategyWithFirstSession();
    const code = first.session.joinCode;
    const archived = await api(server.url, 'PUT', `/api/strategies/${strategy.id}/archived`, {
      token: strategy.token,
      body: { archived: true },
    });
    expect(archived.status).toBe(200);
    const detail = StrategyDetail.parse(archived.body);
    expect(detail.archivedAt).not.toBeNull();
    expect(detail.sessions[0]?.joiningOpen).toBe(false);
    const preview = await api<{ error: { code: string } }>(server.url, 'GET', `/api/join/${code}`);
    expect(preview.status).toBe(410);
    expect(preview.body.error.code).toBe('joining_closed');
    const noSession = await api(server.url, 'POST', `/api/strategies/${strategy.id}/sessions`, {
      token: strategy.token,
      body: {},
    });
    expect(noSession.status).toBe(403);

    const restored = await api(server.url, 'PUT', `/api/strategies/${strategy.id}/archived`, {
      token: strategy.token,
      body: { archived: false },
    });
    expect(StrategyDetail.parse(restored.body).archivedAt).toBeNull();
    expect((await api(server.url, 'GET', `/api/join/${code}`)).status).toBe(200);
    await join(server.url, code, { name: 'Chloé', group: 'elected' });
  });

  it('lists what changed between two sessions: a note added, an issue renamed, a sheet removed', async () => {
    const { strategy, first } = await strategyWithFirstSession();
    const second = await addSession(strategy);
    const facilitator = await facilitatorOf(strategy, second.session.workshopId);
    const client = await connectDoc(
      server.wsUrl,
      roomName(second.session.workshopId, 'board'),
      facilitator.facilitatorToken,
    );
    addNote(client.doc, {
      id: 'note-new',
      x: 0,
      y: 200,
      author: facilitator.participantId,
      text: 'Un tiers-lieu',
    });
    renameCluster(client.doc, 'issue-mob', 'Mobilités du soir');
    client.doc.getMap('actions').delete('sheet-tad');
    // Read back by a second client: the server has every change.
    const check = await connectDoc(
      server.wsUrl,
      roomName(second.session.workshopId, 'board'),
      facilitator.facilitatorToken,
    );
    await waitDoc(check, (doc) => readActions(doc).length === 0 && readNotes(doc).length === 2, 'the edits');

    const answer = await api(
      server.url,
      'GET',
      `/api/strategies/${strategy.id}/changes?from=${first.session.workshopId}&to=${second.session.workshopId}`,
      { token: strategy.token },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { changes, from, to, attribution } = ChangesResponse.parse(answer.body);
    expect(from).toEqual({ workshopId: first.session.workshopId, index: 1 });
    expect(to).toEqual({ workshopId: second.session.workshopId, index: 2 });
    expect(attribution).toBe('edit-journal');
    expect(changes.notes).toEqual([
      expect.objectContaining({
        id: 'note-new',
        change: 'added',
        label: 'Un tiers-lieu',
        author: facilitator.participantId,
      }),
    ]);
    expect(changes.issues).toEqual([
      expect.objectContaining({
        id: 'issue-mob',
        change: 'changed',
        fields: [{ field: 'title', from: 'Mobilités', to: 'Mobilités du soir' }],
      }),
    ]);
    expect(changes.actions).toEqual([expect.objectContaining({ id: 'sheet-tad', change: 'removed' })]);
    client.destroy();
    check.destroy();

    const other = await strategyWithFirstSession();
    const mixed = await api(
      server.url,
      'GET',
      `/api/strategies/${strategy.id}/changes?from=${first.session.workshopId}&to=${other.first.session.workshopId}`,
      { token: strategy.token },
    );
    expect(mixed.status).toBe(400);
  });

  it('says who changed what and when: a participant during the session, the facilitator alone between sessions', async () => {
    const { strategy, first } = await strategyWithFirstSession();
    const second = await addSession(strategy, { invite: 'again' });
    const workshopId = second.session.workshopId;
    const alice = second.invited.find((p) => p.name === 'Alice');
    if (!alice) throw new Error('Alice is invited again');
    const facilitator = await facilitatorOf(strategy, workshopId);
    const facBoard = await connectDoc(
      server.wsUrl,
      roomName(workshopId, 'board'),
      facilitator.facilitatorToken,
    );
    const aliceBoard = await connectDoc(server.wsUrl, roomName(workshopId, 'board'), tokenOf(alice.link), {
      awarenessState: { cursor: { x: 1, y: 1 } },
    });
    const started = Date.now();
    // During the session: Alice fills in the sheet's objectives.
    setActionText(aliceBoard.doc, 'sheet-tad', 'objectives', 'Desservir les hameaux le soir');
    await waitDoc(facBoard, (doc) => readActions(doc).some((a) => a.objectives !== ''), 'Alice’s objectives');
    const changes = async () => {
      const answer = await api(
        server.url,
        'GET',
        `/api/strategies/${strategy.id}/changes?from=${first.session.workshopId}&to=${workshopId}`,
        { token: strategy.token },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return ChangesResponse.parse(answer.body);
    };
    const during = await changes();
    expect(during.attribution).toBe('edit-journal');
    const sheet = during.changes.actions.find((a) => a.id === 'sheet-tad');
    expect(sheet).toMatchObject({
      change: 'changed',
      fields: [expect.objectContaining({ field: 'objectives' })],
      editors: [{ participant: alice.participantId, group: 'resident' }],
      betweenSessions: false,
    });
    // To the minute: the minute of the edit.
    const editedAt = Date.parse(sheet?.editedAt ?? '');
    expect(editedAt).toBeGreaterThan(started - 60_000);
    expect(editedAt).toBeLessThanOrEqual(Date.now());

    // Everyone leaves; the facilitator, alone, fixes the issue's title.
    const aliceClient = aliceBoard.doc.clientID;
    await waitFor(() => facBoard.awareness.getStates().has(aliceClient), 'Alice’s presence');
    // Her browser's control socket may outlive her board socket by a moment: it does not keep her here.
    const aliceControl = await connectDoc(server.wsUrl, roomName(workshopId, 'control'), tokenOf(alice.link));
    aliceBoard.destroy();
    // Her presence goes when the server has seen her board socket close: nobody is here any more.
    await waitFor(() => !facBoard.awareness.getStates().has(aliceClient), 'Alice’s presence to leave');
    renameCluster(facBoard.doc, 'issue-mob', 'Mobilités du soir');
    const check = await connectDoc(server.wsUrl, roomName(workshopId, 'board'), facilitator.facilitatorToken);
    await waitDoc(check, (doc) => readClusters(doc)[0]?.title === 'Mobilités du soir', 'the new title');
    const after = await changes();
    expect(after.changes.issues).toEqual([
      expect.objectContaining({
        id: 'issue-mob',
        editors: [{ participant: facilitator.participantId, group: expect.any(String) }],
        betweenSessions: true,
      }),
    ]);
    // Alice's edit keeps its place: the sheet was not edited alone.
    expect(after.changes.actions.find((a) => a.id === 'sheet-tad')?.betweenSessions).toBe(false);
    aliceControl.destroy();

    // The other way round, no journal tells who undid what.
    const reverse = await api(
      server.url,
      'GET',
      `/api/strategies/${strategy.id}/changes?from=${workshopId}&to=${first.session.workshopId}`,
      { token: strategy.token },
    );
    const reversed = ChangesResponse.parse(reverse.body);
    expect(reversed.attribution).toBe('note-authors-and-creation-times-only');
    expect(reversed.changes.issues[0]).toMatchObject({ editors: [], editedAt: null, betweenSessions: null });
    facBoard.destroy();
    check.destroy();
  });

  it('makes a standalone workshop session 1 of a new strategy, for its creator only', async () => {
    const workshop = await createWorkshop(server.url);
    const lea = await join(server.url, workshop.joinCode, { name: 'Léa', group: 'staff' });
    const byParticipant = await api(server.url, 'POST', '/api/strategies', {
      token: lea.token,
      body: { fromWorkshop: workshop.id },
    });
    expect(byParticipant.status).toBe(403);

    const answer = await api(server.url, 'POST', '/api/strategies', {
      token: workshop.facilitatorToken,
      body: { fromWorkshop: workshop.id },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const created = CreateStrategyResponse.parse(answer.body);
    expect(created.strategy).toMatchObject({ title: 'Stratégie d’innovation territoriale', locale: 'fr' });
    const strategy = { id: created.strategy.id, token: created.facilitatorToken };
    const detail = await readStrategy(strategy);
    expect(detail.sessions.map((s) => [s.index, s.workshopId])).toEqual([[1, workshop.id]]);
    // Its creator and its people keep their tokens; the strategy's token opens it too.
    expect(
      (await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken }))
        .status,
    ).toBe(200);
    expect((await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: lea.token })).status).toBe(
      200,
    );
    const facilitator = await facilitatorOf(strategy, workshop.id);
    expect(
      (await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: facilitator.facilitatorToken }))
        .status,
    ).toBe(200);

    const again = await api(server.url, 'POST', '/api/strategies', {
      token: workshop.facilitatorToken,
      body: { fromWorkshop: workshop.id },
    });
    expect(again.status).toBe(400);
    const next = await addSession(strategy, { invite: 'again' });
    expect(next.invited.map((p) => p.name)).toEqual(['Léa']);
  });

  it('deletes a strategy with all its sessions, and their bytes leave the database', async () => {
    const title = 'Stratégie à effacer de Montvallon';
    const { strategy, first, alice } = await strategyWithFirstSession(title);
    const second = await addSession(strategy);
    expect(await storedTraces(server.dataDir, [title])).toEqual([title]);
    const wrong = await api(server.url, 'DELETE', `/api/strategies/${strategy.id}`, {
      token: strategy.token,
      body: { confirm: 'autre chose' },
    });
    expect(wrong.status).toBe(400);
    const deleted = await api(server.url, 'DELETE', `/api/strategies/${strategy.id}`, {
      token: strategy.token,
      body: { confirm: title },
    });
    expect(deleted.status).toBe(200);
    expect((deleted.body as { sessions: string[] }).sessions).toEqual([
      first.session.workshopId,
      second.session.workshopId,
    ]);
    expect(
      (await api(server.url, 'GET', `/api/strategies/${strategy.id}`, { token: strategy.token })).status,
    ).toBe(404);
    for (const id of [first.session.workshopId, second.session.workshopId])
      expect((await api(server.url, 'GET', `/api/workshops/${id}`, { token: alice.token })).status).toBe(404);
    expect((await api(server.url, 'GET', `/api/join/${first.session.joinCode}`)).status).toBe(404);
    // The strategy's title (in its row and its sessions' titles) and the sessions' ids are gone.
    for (const trace of [title, strategy.id, first.session.workshopId, second.session.workshopId])
      expect(await storedTraces(server.dataDir, [trace])).toEqual([]);
  });

  it('refuses bad bodies and changes nothing', async () => {
    const created = await createStrategy();
    const strategy = { id: created.strategy.id, token: created.facilitatorToken };
    for (const body of [
      { template: 'full', steps: ['axes'] },
      { steps: [] },
      { invite: 'maybe' },
      { date: '15/01/2027' },
      { surprise: true },
    ]) {
      const answer = await api(server.url, 'POST', `/api/strategies/${strategy.id}/sessions`, {
        token: strategy.token,
        body,
      });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api(server.url, 'POST', '/api/strategies', { body: { title: '' } })).status).toBe(400);
    expect((await readStrategy(strategy)).sessions).toEqual([]);
  });
});

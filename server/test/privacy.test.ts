/**
 * Personal data (docs/security.md, "Personal data (RGPD)"), attacked from outside: the notice
 * acknowledged at join, erasing one person (no byte of their name left in the database files,
 * the exports, the synced documents or the logs), deleting a workshop (nothing of it left in
 * the files), retention of idle workshops, and a person's own data.
 *
 * On SQLite the files are read from disk as they are, atelier.sqlite and atelier.sqlite-wal: each
 * erasure and deletion ends with a TRUNCATE checkpoint, so whatever SQLite kept is in those bytes;
 * on PostgreSQL every row of every table (`storedTraces`). Yjs writes strings as UTF-8 (lib0
 * `writeVarString`), as both databases store text: a name's UTF-8 bytes are how it would appear
 * in either; UTF-16 is checked too.
 */
import {
  ApiError,
  addNote,
  CLOSE_CODES,
  DeleteWorkshopResponse,
  draftsRoomName,
  ParticipantData,
  readNotes,
  roomName,
  setNoteText,
  setNoteTheme,
  WorkshopPreview,
  WorkshopSummary,
} from '@atelier/shared';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIssues,
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  type DocClient,
  join,
  logEntries,
  makeTempDir,
  type RunningServer,
  startServer,
  waitDoc,
  waitFor,
} from './harness';
import { storedTraces, withServerDatabase } from './server-database';
import { ok, openDotsRound, votesApi, votingWorkshop } from './votes-api';

afterAll(cleanup);

/** An export's bytes as text: a zip (csv, xlsx, docx) is unzipped, every entry read. */
function exportText(bytes: Uint8Array): string {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const parts = isZip ? Object.values(unzipSync(bytes)) : [bytes];
  return parts.map((part) => Buffer.from(part).toString('utf8')).join('\n');
}

async function exportBytes(server: RunningServer, workshopId: string, token: string, format: string) {
  const response = await fetch(
    `${server.url}/api/workshops/${workshopId}/export?format=${format}&names=true`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(response.status, `export ${format}`).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const FORMATS = ['json', 'csv', 'xlsx', 'md', 'docx'] as const;

function expectError(answer: { status: number; body: unknown }, status: number, code: string) {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { error: { code } } });
  expect(ApiError.safeParse(answer.body).success).toBe(true);
}

async function summary(server: RunningServer, workshopId: string, token: string) {
  const answer = await api(server.url, 'GET', `/api/workshops/${workshopId}`, { token });
  expect(answer.status).toBe(200);
  return WorkshopSummary.parse(answer.body);
}

const closedWith = (client: DocClient, code: number, what: string) =>
  waitFor(() => client.closes.some((c) => c.code === code), what);

describe('the privacy notice at join', () => {
  it('is given with the join page, in the workshop’s language, and joining records its acknowledgement', async () => {
    const server = await startServer({ env: { RETENTION_DAYS: '45', PRIVACY_CONTACT: 'dpo@agglo.example' } });
    const fr = await createWorkshop(server.url);
    const en = await createWorkshop(server.url, {
      title: 'Innovation strategy',
      territory: { name: 'Green Valley', kind: 'epci' },
      locale: 'en',
    });
    const noticeFr = WorkshopPreview.parse(
      (await api(server.url, 'GET', `/api/join/${fr.joinCode}`)).body,
    ).privacy;
    const noticeEn = WorkshopPreview.parse(
      (await api(server.url, 'GET', `/api/join/${en.joinCode}`)).body,
    ).privacy;
    expect(noticeFr).toMatchObject({ locale: 'fr', retentionDays: 45, contact: 'dpo@agglo.example' });
    expect(noticeEn).toMatchObject({ locale: 'en', title: 'Your data in this workshop' });
    // What is collected, how long it is kept, who to ask.
    const text = noticeFr.paragraphs.join(' ');
    expect(text).toContain('le nom et le groupe');
    expect(text).toContain('45 jours sans activité');
    expect(text).toContain('dpo@agglo.example');
    expect(noticeEn.paragraphs.join(' ')).toContain('45 days without activity');
    expect(noticeFr.version).not.toBe(noticeEn.version);

    // Without the acknowledgement, or with another version than the one shown: refused, nobody added.
    const person = { code: fr.joinCode, name: 'Sans Accord', group: 'resident' };
    const missing = await api<ApiError>(server.url, 'POST', '/api/join', { body: person });
    expectError(missing, 400, 'bad_request');
    expect(missing.body.error.message).toContain('privacy notice');
    const stale = await api<ApiError>(server.url, 'POST', '/api/join', {
      body: { ...person, noticeVersion: noticeEn.version },
    });
    expectError(stale, 400, 'bad_request');
    expect(stale.body.error.message).toContain('privacy notice has changed');
    const people = (await summary(server, fr.id, fr.facilitatorToken)).participants;
    expect(people.map((p) => p.name)).not.toContain('Sans Accord');

    // Acknowledged: the version and the time are recorded with the person.
    const before = Date.now();
    const lea = await join(server.url, fr.joinCode, { name: 'Léa', group: 'elected' });
    const data = ParticipantData.parse(
      (
        await api(server.url, 'GET', `/api/workshops/${fr.id}/participants/${lea.participantId}/data`, {
          token: lea.token,
        })
      ).body,
    );
    expect(data.participant.notice?.version).toBe(noticeFr.version);
    expect(Date.parse(data.participant.notice?.acknowledgedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('erasing a participant', () => {
  // Distinctive, with accents, so that a stray copy cannot be a coincidence.
  const NAME = 'Zoé Quintessence-Vauban';
  const OTHER = 'Hippolyte Marécageux';
  const HER_NOTE = 'Navette électrique vers la gare de Vauclair';
  const HIS_NOTE = 'Ateliers de réparation itinérants à Brocéliande';

  it('replaces the name everywhere by a numbered neutral label, revokes the token, keeps or removes the notes, and is idempotent', async () => {
    const server = await startServer();
    const workshop = await createWorkshop(server.url);
    const fanny = workshop.facilitatorToken;
    const zoe = await join(server.url, workshop.joinCode, { name: NAME, group: 'resident' });
    const hippo = await join(server.url, workshop.joinCode, { name: OTHER, group: 'business' });
    const olga = await join(server.url, workshop.joinCode, { name: 'Olga', group: 'partner' });
    const board = roomName(workshop.id, 'board');

    const zoeBoard = await connectDoc(server.wsUrl, board, zoe.token, { awarenessState: { cursor: null } });
    const zoeControl = await connectDoc(server.wsUrl, roomName(workshop.id, 'control'), zoe.token);
    const hippoBoard = await connectDoc(server.wsUrl, board, hippo.token);
    const olgaBoard = await connectDoc(server.wsUrl, board, olga.token);
    addNote(zoeBoard.doc, { x: 0, y: 0, author: zoe.participantId, text: HER_NOTE });
    addNote(hippoBoard.doc, { x: 300, y: 0, author: hippo.participantId, text: HIS_NOTE });
    await waitDoc(olgaBoard, (d) => readNotes(d).length === 2, 'Olga to see both notes');
    // Olga sees Zoé's presence, with the name the server gave it.
    const presentNames = () =>
      [...olgaBoard.awareness.getStates().values()].map(
        (s) => (s as { user?: { name?: string } }).user?.name,
      );
    await waitFor(() => presentNames().includes(NAME), 'Olga to see Zoé present');
    // The test means something: the name is in the database file before the erasure.
    expect(await storedTraces(server.dataDir, [NAME])).toEqual([NAME]);

    // Only facilitators erase; nobody erases themselves or the creator.
    const erasePath = (pid: string) => `/api/workshops/${workshop.id}/participants/${pid}/erase`;
    expectError(
      await api(server.url, 'POST', erasePath(zoe.participantId), { token: hippo.token }),
      403,
      'forbidden',
    );
    expectError(
      await api(server.url, 'POST', erasePath(workshop.participantId), { token: fanny }),
      403,
      'forbidden',
    );
    expectError(await api(server.url, 'POST', erasePath('nobody-here'), { token: fanny }), 404, 'not_found');
    expectError(
      await api(server.url, 'POST', erasePath(zoe.participantId), {
        token: fanny,
        body: { removeEverything: true },
      }),
      400,
      'bad_request',
    );

    const erased = await api<{ participant: { name: string; erased: boolean; removed: boolean } }>(
      server.url,
      'POST',
      erasePath(zoe.participantId),
      { token: fanny },
    );
    expect(erased.status).toBe(200);
    // Second to arrive after the facilitator: number 2, in the workshop's language.
    expect(erased.body.participant).toMatchObject({ name: 'Participant·e 2', erased: true, removed: true });

    // Her sockets are closed as a removal's, and her token opens nothing any more.
    await closedWith(zoeBoard, CLOSE_CODES.removed, 'Zoé’s board socket to close with 4410');
    await closedWith(zoeControl, CLOSE_CODES.removed, 'Zoé’s control socket to close with 4410');
    expectError(
      await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: zoe.token }),
      401,
      'unauthorized',
    );

    // Everyone sees the label; her note stays, with her (pseudonymous) id as author.
    const seen = await summary(server, workshop.id, olga.token);
    expect(seen.participants.find((p) => p.id === zoe.participantId)?.name).toBe('Participant·e 2');
    expect(JSON.stringify(seen)).not.toContain(NAME);
    await waitFor(() => !presentNames().includes(NAME), 'Zoé’s presence to leave Olga’s view');
    expect(readNotes(olgaBoard.doc).map((n) => n.text)).toContain(HER_NOTE);

    // No byte of the name: not in the files, the exports, the synced documents, the logs.
    expect(await storedTraces(server.dataDir, [NAME])).toEqual([]);
    for (const format of FORMATS) {
      const text = exportText(await exportBytes(server, workshop.id, fanny, format));
      expect(text, `the ${format} export`).not.toContain(NAME);
      // Names are in (names=true): Olga's is; Zoé's is not, she is removed and erased.
      if (format === 'json') expect(text).toContain('Olga');
    }
    const fresh = await connectDoc(server.wsUrl, board, olga.token);
    expect(Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).includes(Buffer.from(NAME))).toBe(false);
    expect(JSON.stringify(fresh.doc.toJSON())).not.toContain(NAME);
    expect(server.logs).not.toContain(NAME);
    expect(server.logs).not.toContain(JSON.stringify(NAME).slice(1, -1));

    // Idempotent: the same label, the same number, nothing else changes.
    const again = await api<{ participant: { name: string } }>(
      server.url,
      'POST',
      erasePath(zoe.participantId),
      {
        token: fanny,
        body: {},
      },
    );
    expect(again.status).toBe(200);
    expect(again.body.participant.name).toBe('Participant·e 2');
    expect((await summary(server, workshop.id, fanny)).participants.map((p) => p.name)).toEqual([
      'Fanny Facilitatrice',
      'Participant·e 2',
      OTHER,
      'Olga',
    ]);

    // With his contributions: Hippolyte's note goes, from the board and from the files.
    expect(await storedTraces(server.dataDir, [HIS_NOTE])).toEqual([HIS_NOTE]);
    const withNotes = await api<{ participant: { name: string }; removedNotes: number }>(
      server.url,
      'POST',
      erasePath(hippo.participantId),
      { token: fanny, body: { removeContributions: true } },
    );
    expect(withNotes.body).toMatchObject({ participant: { name: 'Participant·e 3' }, removedNotes: 1 });
    await waitDoc(olgaBoard, (d) => readNotes(d).length === 1, 'Hippolyte’s note to leave Olga’s board');
    expect(readNotes(olgaBoard.doc)[0]?.text).toBe(HER_NOTE);
    expect(await storedTraces(server.dataDir, [OTHER, HIS_NOTE])).toEqual([]);
    expect(await storedTraces(server.dataDir, [HER_NOTE])).toEqual([HER_NOTE]);
    expect(server.logs).not.toContain(OTHER);
  });
});

describe('deleting a workshop', () => {
  const TITLE = 'Atelier Zéphyr-Quasar de Montbrison';
  const NAMES = ['Anatole Pérignac', 'Bérénice Outrebon'];
  const NOTE = 'Réseau de chaleur géothermique du quartier Vercingétorix';
  const DRAFT = 'Brouillon secret sur la halle Mirabeau';
  const ISSUE = { id: 'issue-zq7319', title: 'Enjeu Quasar-Mirabeau' };

  it('needs its creator’s token and the title, then leaves nothing of it in the files, closes its sockets and forgets its code', async () => {
    const server = await startServer();
    // Another workshop, with a vote of its own: it stays whole.
    const other = await votingWorkshop(server, { olga: { name: 'Olga', group: 'partner' } });
    const otherRound = await openDotsRound(other);
    ok(
      await other.votes.cast(other.olga.token, otherRound.id, other.olga.participantId, {
        dots: { 'issue-a': 1 },
      }),
    );

    const titled = await createWorkshop(server.url, {
      title: TITLE,
      territory: { name: 'Montbrison-Quasar', kind: 'municipality' },
      locale: 'fr',
    });
    const fanny = titled.facilitatorToken;
    const a = await join(server.url, titled.joinCode, { name: NAMES[0] ?? '', group: 'resident' });
    const b = await join(server.url, titled.joinCode, { name: NAMES[1] ?? '', group: 'elected' });
    const co = await join(server.url, titled.joinCode, { name: 'Colette Co', group: 'staff' });
    const promoted = await api(
      server.url,
      'PATCH',
      `/api/workshops/${titled.id}/participants/${co.participantId}`,
      {
        token: fanny,
        body: { coFacilitator: true },
      },
    );
    expect(promoted.status).toBe(200);
    await addIssues(server.wsUrl, titled.id, fanny, [ISSUE]);
    const votes = votesApi(server.url, titled.id);
    const round = await openDotsRound({ fanny, votes });
    ok(await votes.cast(a.token, round.id, a.participantId, { dots: { [ISSUE.id]: 1 } }));

    const aBoard = await connectDoc(server.wsUrl, roomName(titled.id, 'board'), a.token);
    const bControl = await connectDoc(server.wsUrl, roomName(titled.id, 'control'), b.token);
    const aDrafts = await connectDoc(server.wsUrl, draftsRoomName(titled.id, a.participantId), a.token);
    addNote(aBoard.doc, { x: 0, y: 0, author: a.participantId, text: NOTE });
    addNote(aDrafts.doc, { x: 0, y: 0, author: a.participantId, text: DRAFT });
    const watcher = await connectDoc(server.wsUrl, roomName(titled.id, 'board'), b.token);
    await waitDoc(
      watcher,
      (d) => readNotes(d).some((n) => n.text === NOTE),
      'the note to be stored and seen',
    );

    const traces = [
      TITLE,
      'Montbrison-Quasar',
      ...NAMES,
      'Colette Co',
      NOTE,
      DRAFT,
      ISSUE.id,
      ISSUE.title,
      titled.id,
      a.participantId,
      round.id,
    ];
    await waitFor(
      async () => (await storedTraces(server.dataDir, [DRAFT])).length === 1,
      'the draft to be stored',
    );
    // The test means something: every trace is on disk before the deletion.
    expect(await storedTraces(server.dataDir, traces)).toEqual(traces);

    const route = `/api/workshops/${titled.id}`;
    // Not the co-facilitator, not a participant, not another workshop's creator; not without
    // the title, not with a wrong one.
    expectError(
      await api(server.url, 'DELETE', route, { token: co.token, body: { confirm: TITLE } }),
      403,
      'forbidden',
    );
    expectError(
      await api(server.url, 'DELETE', route, { token: a.token, body: { confirm: TITLE } }),
      403,
      'forbidden',
    );
    expectError(
      await api(server.url, 'DELETE', route, { token: other.fanny, body: { confirm: TITLE } }),
      401,
      'unauthorized',
    );
    expectError(await api(server.url, 'DELETE', route, { token: fanny, body: {} }), 400, 'bad_request');
    expectError(
      await api(server.url, 'DELETE', route, { token: fanny, body: { confirm: 'Atelier' } }),
      400,
      'bad_request',
    );
    expect((await api(server.url, 'GET', `/api/join/${titled.joinCode}`)).status).toBe(200);

    // Spaces and case aside, the title.
    const deleted = await api(server.url, 'DELETE', route, {
      token: fanny,
      body: { confirm: ` ${TITLE.toUpperCase()} ` },
    });
    expect(deleted.status).toBe(200);
    expect(DeleteWorkshopResponse.parse(deleted.body).id).toBe(titled.id);

    // Every open socket of it is closed with the final code, and nothing answers for it any more.
    for (const client of [aBoard, bControl, aDrafts, watcher])
      await closedWith(
        client,
        CLOSE_CODES.workshopDeleted,
        'a socket of the deleted workshop to close with 4412',
      );
    expectError(await api(server.url, 'GET', `/api/join/${titled.joinCode}`), 404, 'not_found');
    expectError(await api(server.url, 'GET', route, { token: fanny }), 404, 'not_found');
    const late = { code: titled.joinCode, name: 'Late', group: 'other', noticeVersion: 'x' };
    expectError(await api(server.url, 'POST', '/api/join', { body: late }), 404, 'not_found');
    expect(await storedTraces(server.dataDir, traces)).toEqual([]);
    expect(logEntries(server).some((e) => e.msg === 'workshop deleted' && e.workshopId === titled.id)).toBe(
      true,
    );
    expect(server.logs).not.toContain(TITLE);

    // Shutting down compacts every loaded room: the deleted ones were dropped, nothing comes back.
    await server.stop();
    expect(await storedTraces(server.dataDir, traces)).toEqual([]);
    await withServerDatabase(server.dataDir, async (db) => {
      expect(await db.column('SELECT id FROM workshops')).toEqual([other.workshop.id]);
      expect(await db.count('SELECT count(*) FROM vote_entries')).toBe(1);
      expect(await db.count('SELECT count(*) FROM participants')).toBe(2);
    });
  });
});

describe('retention', () => {
  it('deletes, at start-up, the workshops idle longer than RETENTION_DAYS, keeps the others and tells their facilitator when', async () => {
    const dataDir = await makeTempDir();
    let server = await startServer({ dataDir });
    const idle = await createWorkshop(server.url, {
      title: 'Atelier oublié depuis longtemps',
      territory: { name: 'Oubliville', kind: 'municipality' },
      locale: 'fr',
    });
    const recent = await createWorkshop(server.url);
    const nearly = await createWorkshop(server.url, {
      title: 'Atelier bientôt supprimé',
      territory: { name: 'Presqueville', kind: 'municipality' },
      locale: 'fr',
    });
    await server.stop();
    const DAY = 86_400_000;
    const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
    await withServerDatabase(dataDir, async (db) => {
      const setIdle = (days: number, id: string) =>
        db.run('UPDATE workshops SET last_active_at = ? WHERE id = ?', [daysAgo(days), id]);
      await setIdle(31, idle.id);
      await setIdle(2, recent.id);
      await setIdle(25, nearly.id);
    });

    server = await startServer({ dataDir, env: { RETENTION_DAYS: '30' } });
    expectError(await api(server.url, 'GET', `/api/join/${idle.joinCode}`), 404, 'not_found');
    expect(await storedTraces(dataDir, ['Atelier oublié depuis longtemps', 'Oubliville', idle.id])).toEqual(
      [],
    );
    expect(logEntries(server).some((e) => e.msg === 'workshop deleted' && e.why === 'retention')).toBe(true);

    // The others stay; their facilitator is told when deletion was due, counted before this visit.
    const kept = await summary(server, recent.id, recent.facilitatorToken);
    expect(Date.parse(kept.retention?.deletionPlannedAt ?? '')).toBeCloseTo(Date.now() + 28 * DAY, -6);
    const warned = await summary(server, nearly.id, nearly.facilitatorToken);
    const due = Date.parse(warned.retention?.deletionPlannedAt ?? '') - Date.now();
    expect(due).toBeGreaterThan(4 * DAY);
    expect(due).toBeLessThan(6 * DAY);
    // Participants are not told (the warning is the facilitator's); the visit itself counted as activity.
    const visitor = await join(server.url, nearly.joinCode, { name: 'Val', group: 'resident' });
    expect((await summary(server, nearly.id, visitor.token)).retention).toBeUndefined();
    const after = await summary(server, nearly.id, nearly.facilitatorToken);
    expect(Date.parse(after.retention?.lastActiveAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('a person’s own data', () => {
  it('is a JSON file of their record, notes, ballots and edit journal, for their own token only', async () => {
    const server = await startServer();
    const w = await votingWorkshop(server, {
      lea: { name: 'Léa', group: 'elected' },
      hugo: { name: 'Hugo', group: 'resident' },
    });
    const { workshop, lea, hugo, fanny } = w;
    const board = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), lea.token);
    const leasNote = addNote(board.doc, { x: 0, y: 0, author: lea.participantId, text: 'La note de Lea' });
    const hugoBoard = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), hugo.token);
    const hugosNote = addNote(hugoBoard.doc, {
      x: 0,
      y: 300,
      author: hugo.participantId,
      text: 'La note de Hugo',
    });
    await waitDoc(board, (d) => readNotes(d).length === 2, 'both notes stored');
    // Léa then edits her note: each edit is a row of the journal, and only hers go in her file.
    const started = Date.now();
    setNoteText(board.doc, leasNote, 'La note de Léa');
    setNoteTheme(board.doc, leasNote, 'mobility');
    await waitDoc(
      hugoBoard,
      (d) => readNotes(d).some((n) => n.id === leasNote && n.theme === 'mobility'),
      'Léa’s edits stored',
    );
    const round = await openDotsRound(w);
    ok(await w.votes.cast(lea.token, round.id, lea.participantId, { dots: { 'issue-a': 2 } }));

    const route = `/api/workshops/${workshop.id}/participants/${lea.participantId}/data`;
    const response = await fetch(`${server.url}${route}`, {
      headers: { authorization: `Bearer ${lea.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="atelier-my-data-.*\.json"$/,
    );
    const data = ParticipantData.parse(await response.json());
    expect(data.participant).toMatchObject({ id: lea.participantId, name: 'Léa', group: 'elected' });
    expect(data.notes.map((n) => [n.text, n.where])).toEqual([['La note de Léa', 'board']]);
    expect(data.ballots).toEqual([{ roundId: round.id, dots: { 'issue-a': 2 }, scores: {}, done: false }]);
    // Her rows of the edit journal: which item and field, the minute, whether she was alone.
    const rows = data.edits.map(({ collection, item, field, alone }) => ({ collection, item, field, alone }));
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { collection: 'notes', item: leasNote, field: null, alone: false },
        { collection: 'notes', item: leasNote, field: 'text', alone: false },
        { collection: 'notes', item: leasNote, field: 'theme', alone: false },
      ]),
    );
    for (const edit of data.edits) {
      const minute = Date.parse(edit.at);
      expect(minute % 60_000).toBe(0);
      expect(minute).toBeGreaterThan(started - 2 * 60_000);
      expect(minute).toBeLessThanOrEqual(Date.now());
    }
    // Hugo's file has his own note's row only.
    const hugos = ParticipantData.parse(
      (
        await api(
          server.url,
          'GET',
          `/api/workshops/${workshop.id}/participants/${hugo.participantId}/data`,
          {
            token: hugo.token,
          },
        )
      ).body,
    );
    expect(hugos.edits.map(({ item, field }) => ({ item, field }))).toEqual([
      { item: hugosNote, field: null },
    ]);

    // Nobody else's token: not another participant's, not a facilitator's (ballots are secret).
    expectError(await api(server.url, 'GET', route, { token: hugo.token }), 403, 'forbidden');
    expectError(await api(server.url, 'GET', route, { token: fanny }), 403, 'forbidden');
    expectError(await api(server.url, 'GET', route), 401, 'unauthorized');
  });
});

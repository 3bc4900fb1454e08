import {
  ApiError,
  addNote,
  buildStrategy,
  CreateStrategyResponse,
  CreateWorkshopResponse,
  IMPORT_MAX_BYTES,
  type ImportWorkshopBody,
  LIMITS,
  readActions,
  readClusters,
  readNotes,
  readRounds,
  readSeats,
  readTables,
  roomName,
  Strategy,
  StrategyDetail,
  type StrategyFile,
  seedBoard,
  seedControl,
  strategyContent,
  WorkshopSummary,
} from '@atelier/shared';
import { strategyFileOf } from '@atelier/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportWorkshop } from './export-workshop';
import { api, connectDoc, type DocClient, useServer } from './harness';
import { withServerDatabase } from './server-database';

const server = useServer();
let built: Awaited<ReturnType<typeof exportWorkshop>> | undefined;
const clients: DocClient[] = [];
afterEach(() => {
  built?.close();
  for (const client of clients.splice(0)) client.destroy();
});

async function exported(id: string, token: string, names = false): Promise<Strategy> {
  const answer = await api(server.url, 'GET', `/api/workshops/${id}/export?format=json&names=${names}`, {
    token,
  });
  expect(answer.status).toBe(200);
  return Strategy.parse(answer.body);
}

const importWorkshop = (body: ImportWorkshopBody | string) =>
  api(server.url, 'POST', '/api/workshops/import', { body });

async function imported(body: ImportWorkshopBody): Promise<CreateWorkshopResponse> {
  const answer = await importWorkshop(body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return CreateWorkshopResponse.parse(answer.body);
}

async function connect(room: string, token: string): Promise<Y.Doc> {
  const client = await connectDoc(server.wsUrl, room, token);
  clients.push(client);
  return client.doc;
}

/**
 * What the server's database holds, read-only while it runs: workshops, people, rounds, and
 * documents (by name: rooms compact their updates into snapshots at any time).
 */
function rowCounts(): Promise<Record<'workshops' | 'participants' | 'rounds' | 'documents', number>> {
  return withServerDatabase(server.dataDir, async (db) => ({
    workshops: await db.count('SELECT count(*) FROM workshops'),
    participants: await db.count('SELECT count(*) FROM participants'),
    rounds: await db.count('SELECT count(*) FROM vote_rounds'),
    documents: await db.count(
      'SELECT count(*) FROM (SELECT doc FROM doc_updates UNION SELECT doc FROM doc_snapshots) AS docs',
    ),
  }));
}

describe('importing a strategy', () => {
  it('creates a workshop the facilitator enters, whose export has the same content', async () => {
    built = await exportWorkshop(server);
    const first = await exported(built.cast.workshop.id, built.fanny);
    const created = await imported({ strategy: first, facilitatorName: 'Noé' });
    expect(created.id).not.toBe(built.cast.workshop.id);
    expect(created.links.facilitator).toBe(`${server.url}/w/${created.id}#token=${created.facilitatorToken}`);
    expect(created.links.participant).toBe(`${server.url}/join/${created.joinCode}`);

    const entered = await api(server.url, 'GET', `/api/workshops/${created.id}`, {
      token: created.facilitatorToken,
    });
    expect(entered.status).toBe(200);
    const summary = WorkshopSummary.parse(entered.body);
    expect(summary).toMatchObject({
      title: first.workshop.title,
      territory: first.workshop.territory,
      locale: 'fr',
      you: { id: created.participantId, name: 'Noé', role: 'facilitator', removed: false },
      joinCode: created.joinCode,
    });

    const second = await exported(created.id, created.facilitatorToken);
    expect(strategyContent(second)).toEqual(strategyContent(first));
    // The new session counts only its own people; the ids of the trace are the same.
    expect(second.participation.total).toBe(1);
    expect(second.actions.map((a) => [a.id, a.axis, a.issues])).toEqual(
      first.actions.map((a) => [a.id, a.axis, a.issues]),
    );
  });

  it('lists the note authors as former participants: removed, with their group, named only if the export named them', async () => {
    built = await exportWorkshop(server);
    const { cast, fanny } = built;
    const names = (summary: WorkshopSummary) =>
      summary.participants.map((p) => [p.name, p.group, p.role, p.removed]);
    const readSummary = async (created: CreateWorkshopResponse) =>
      WorkshopSummary.parse(
        (await api(server.url, 'GET', `/api/workshops/${created.id}`, { token: created.facilitatorToken }))
          .body,
      );

    const named = await readSummary(
      await imported({ strategy: await exported(cast.workshop.id, fanny, true) }),
    );
    expect(names(named)).toEqual([
      ['Fanny Facilitatrice', 'other', 'facilitator', false],
      ['Alice Martin', 'resident', 'participant', true],
      ['Bob Dupont', 'business', 'participant', true],
      ['Hugo Petit', 'elected', 'participant', true],
    ]);

    const anonymous = await readSummary(
      await imported({ strategy: await exported(cast.workshop.id, fanny) }),
    );
    expect(names(anonymous)).toEqual([
      ['Fanny Facilitatrice', 'other', 'facilitator', false],
      ['Participant·e 1 (séance précédente)', 'resident', 'participant', true],
      ['Participant·e 2 (séance précédente)', 'business', 'participant', true],
      ['Participant·e 3 (séance précédente)', 'elected', 'participant', true],
    ]);
  });

  it('restores the tables, and seats the former participants it recreates where they sat', async () => {
    built = await exportWorkshop(server);
    const { cast, fanny } = built;
    const first = await exported(cast.workshop.id, fanny, true);
    // The file of a workshop that worked in two tables: Alice and Olga (an observer, who wrote
    // nothing, so the import does not recreate her) at the first, Bob at the second.
    const strategy = Strategy.parse({
      ...first,
      tables: [
        {
          id: 't1',
          name: 'Table 1',
          color: '#e53935',
          participants: [cast.alice.participantId, cast.olga.participantId],
        },
        { id: 't2', name: 'Mobilités', color: '#3949ab', participants: [cast.bob.participantId] },
      ],
    });
    const created = await imported({ strategy });
    const summary = WorkshopSummary.parse(
      (await api(server.url, 'GET', `/api/workshops/${created.id}`, { token: created.facilitatorToken }))
        .body,
    );
    const idOf = (name: string) => summary.participants.find((p) => p.name === name)?.id;
    const control = await connect(roomName(created.id, 'control'), created.facilitatorToken);
    expect(readTables(control).map((t) => [t.id, t.name, t.color])).toEqual([
      ['t1', 'Table 1', '#e53935'],
      ['t2', 'Mobilités', '#3949ab'],
    ]);
    expect(readSeats(control)).toEqual({
      [idOf('Alice Martin') as string]: 't1',
      [idOf('Bob Dupont') as string]: 't2',
    });
    // Former participants are not in the workshop: its own export seats nobody.
    const again = await exported(created.id, created.facilitatorToken);
    expect(again.tables?.map((t) => [t.id, t.participants])).toEqual([
      ['t1', []],
      ['t2', []],
    ]);
  });

  it('gives a stock client of the new board the same notes, issues and sheets, and the revealed round with its results', async () => {
    built = await exportWorkshop(server);
    const created = await imported({ strategy: await exported(built.cast.workshop.id, built.fanny) });
    const board = await connect(roomName(created.id, 'board'), created.facilitatorToken);
    const control = await connect(roomName(created.id, 'control'), created.facilitatorToken);

    const notes = (doc: Y.Doc) =>
      readNotes(doc)
        .map(({ author: _a, order: _o, ...note }) => note)
        .sort((a, b) => a.id.localeCompare(b.id));
    const unordered = <T extends { order: string }>({ order: _o, ...item }: T) => item;
    expect(notes(board)).toEqual(notes(built.board));
    expect(readClusters(board).map(unordered)).toEqual(readClusters(built.board).map(unordered));
    expect(readActions(board).map(unordered)).toEqual(readActions(built.board).map(unordered));

    const [original] = readRounds(built.control);
    const rounds = readRounds(control);
    expect(rounds).toEqual([{ ...original, id: expect.any(String) }]);
    expect(rounds[0]?.id).not.toBe(original?.id);
    expect(rounds[0]).toMatchObject({ state: 'revealed', results: original?.results });
  });

  it('imports the same file twice into two workshops, each with its own rounds', async () => {
    built = await exportWorkshop(server);
    const strategy = await exported(built.cast.workshop.id, built.fanny);
    const [a, b] = [await imported({ strategy }), await imported({ strategy })];
    expect(a.id).not.toBe(b.id);
    const roundIds = await Promise.all(
      [a, b].map(async (created) => {
        const again = await exported(created.id, created.facilitatorToken);
        expect(strategyContent(again)).toEqual(strategyContent(strategy));
        return again.rounds.map((r) => r.id);
      }),
    );
    expect(new Set([...roundIds.flat(), ...strategy.rounds.map((r) => r.id)]).size).toBe(3);
  });

  it('takes a file over the API’s usual 64 KB (a workshop of Val de Loue’s size)', async () => {
    built = await exportWorkshop(server);
    const strategy = await exported(built.cast.workshop.id, built.fanny);
    const issue = strategy.issues[0];
    const template = strategy.notes.at(-1);
    if (!issue || !template) throw new Error('the export has notes and issues');
    for (let n = 0; n < 320; n++) {
      const id = `vdl-${n}`;
      strategy.notes.push({
        ...template,
        id,
        text: `Contribution ${n} : ${'un constat du territoire, '.repeat(6)}`,
        issue: n % 2 === 0 ? issue.id : null,
        // Oldest first, as an export lists them.
        createdAt: new Date(Date.parse(template.createdAt) + (n + 1) * 1000).toISOString(),
        votes: [],
      });
      if (n % 2 === 0) issue.notes.push(id);
    }
    expect(JSON.stringify(strategy).length).toBeGreaterThan(64 * 1024);
    const created = await imported({ strategy });
    const again = await exported(created.id, created.facilitatorToken);
    expect(again.notes).toHaveLength(strategy.notes.length);
    expect(strategyContent(again)).toEqual(strategyContent(strategy));
  });

  it('takes a strategy’s file of 4 sessions × 500 notes, each note at its longest (over the former 5 MB)', async () => {
    const file = longStrategyFile();
    const body = JSON.stringify({ strategy: file });
    expect(Buffer.byteLength(body)).toBeGreaterThan(6 * 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeLessThan(IMPORT_MAX_BYTES);
    const answer = await importWorkshop(body);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(201);
    const { strategy, facilitatorToken: token } = CreateStrategyResponse.parse(answer.body);
    const detail = StrategyDetail.parse(
      (await api(server.url, 'GET', `/api/strategies/${strategy.id}`, { token })).body,
    );
    expect(detail.sessions).toHaveLength(4);
    const last = detail.sessions.at(-1)?.workshopId as string;
    const session = await api<{ facilitatorToken: string }>(
      server.url,
      'POST',
      `/api/strategies/${strategy.id}/sessions/${last}/facilitate`,
      { token },
    );
    const board = await connect(roomName(last, 'board'), session.body.facilitatorToken);
    expect(readNotes(board).map((n) => n.text)).toEqual(file.sessions[3]?.outcome.notes.map((n) => n.text));
  }, 60_000);
});

/**
 * A strategy's file of 4 sessions of 500 notes (the size issue 18 aims at), each note at the
 * longest a note may be: the heaviest file people writing French can make at that size.
 */
function longStrategyFile(): StrategyFile {
  const sentence = 'Les habitants des hameaux attendent un bus après 19 h, et les commerces ferment tôt. ';
  const text = (n: number) => `${n} ${sentence.repeat(30)}`.slice(0, LIMITS.noteText);
  const outcome = (session: number) => {
    const board = new Y.Doc();
    const control = new Y.Doc();
    seedBoard(board);
    seedControl(control, 'full');
    for (let n = 0; n < 500 + session * 10; n++)
      addNote(board, { id: `note-${n}`, x: n, y: n, author: '', text: text(n), now: 1_700_000_000_000 + n });
    return Strategy.parse(
      buildStrategy({
        board,
        control,
        workshop: {
          id: `w${session}`,
          title: `Séance ${session + 1}`,
          territory: { name: 'Val de Loue', kind: 'epci' },
          locale: 'fr',
          createdAt: '2026-12-03T09:00:00.000Z',
        },
        people: [],
        exportedBy: { id: 'p0', name: 'Fanny' },
        exportedAt: new Date('2026-12-03T17:00:00.000Z'),
        includeNames: false,
        appVersion: 'test',
      }),
    );
  };
  return strategyFileOf([0, 1, 2, 3].map(outcome));
}

describe('refusing a file', () => {
  /** Asserts a 400 listing exactly these problems (paths and messages), and that nothing was created. */
  async function refused(body: ImportWorkshopBody | string, expected: { path: string; message: RegExp }[]) {
    const before = await rowCounts();
    const answer = await importWorkshop(body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    const { error } = ApiError.parse(answer.body);
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^Not a strategy this server can import \(schema version 1\): /);
    expect(error.issues).toEqual(
      expected.map(({ path, message }) => ({ path, message: expect.stringMatching(message) })),
    );
    expect(await rowCounts()).toEqual(before);
  }

  it('refuses another schema version, a dangling link, a missing field or a non-object, listing each problem and creating nothing', async () => {
    built = await exportWorkshop(server);
    const valid = await exported(built.cast.workshop.id, built.fanny);
    const copy = () => JSON.parse(JSON.stringify(valid)) as Strategy;

    await refused({ strategy: { ...copy(), schemaVersion: 2 } }, [{ path: 'schemaVersion', message: /1/ }]);

    const dangling = copy();
    const note = dangling.notes.find((n) => n.issue === null);
    if (!note) throw new Error('the export has a note outside any issue');
    const index = dangling.notes.indexOf(note);
    note.issue = 'nowhere';
    await refused({ strategy: dangling }, [
      { path: `notes.${index}.issue`, message: /Unknown issue nowhere/ },
    ]);

    const missing = copy() as unknown as {
      workshop: Record<string, unknown>;
      actions: Record<string, unknown>[];
    };
    delete missing.workshop.title;
    delete missing.actions[0]?.status;
    await refused({ strategy: missing } as ImportWorkshopBody, [
      { path: 'workshop.title', message: /string/ },
      { path: 'actions.0.status', message: /./ },
    ]);

    await refused({ strategy: 'un texte' }, [{ path: '', message: /object/ }]);
    await refused({ strategy: [valid] }, [{ path: '', message: /object/ }]);
    await refused({ strategy: null }, [{ path: '', message: /object/ }]);
  });

  it('refuses a body that is not an import body, and one over 20 MiB with 413 and a message saying so', async () => {
    const before = await rowCounts();
    const notJson = await importWorkshop('{"strategy": ');
    expect([notJson.status, (notJson.body as ApiError).error.code]).toEqual([400, 'bad_request']);
    const badName = await importWorkshop({ strategy: {}, facilitatorName: ' ' });
    expect([badName.status, (badName.body as ApiError).error.code]).toEqual([400, 'bad_request']);
    const noStrategy = await importWorkshop(JSON.stringify({ facilitatorName: 'Noé' }));
    expect([noStrategy.status, (noStrategy.body as ApiError).error.message]).toEqual([
      400,
      expect.stringContaining('strategy'),
    ]);
    const tooBig = await importWorkshop({ strategy: { notes: 'x'.repeat(IMPORT_MAX_BYTES) } });
    expect([tooBig.status, (tooBig.body as ApiError).error]).toEqual([
      413,
      expect.objectContaining({
        code: 'payload_too_large',
        message: 'This file is too large to import: a strategy file is at most 20 MiB',
      }),
    ]);
    expect(await rowCounts()).toEqual(before);
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('documents the import with its answers', async () => {
    const answer = await api<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>(server.url, 'GET', '/api/openapi.json');
    const route = answer.body.paths['/api/workshops/import']?.post;
    expect(Object.keys(route?.responses ?? {})).toEqual(['201', '400', '413', '429', '503']);
  });
});

import {
  addNote,
  addTable,
  CreateSessionResponse,
  CreateStrategyResponse,
  FacilitateResponse,
  readNotes,
  roomName,
  StrategyDetail,
  StrategyFile,
  seatParticipants,
  setItemTable,
} from '@atelier/shared';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx-reader';
import { api, connectDoc, join, useServer, waitDoc } from './harness';

const server = useServer();

const STRATEGY = {
  title: 'Stratégie du Val Vert',
  territory: { name: 'Communauté de communes du Val Vert', kind: 'epci' },
  locale: 'fr',
} as const;

type Credentials = { id: string; token: string };

async function addSession(strategy: Credentials, body: Record<string, unknown>) {
  const answer = await api(server.url, 'POST', `/api/strategies/${strategy.id}/sessions`, {
    token: strategy.token,
    body,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return CreateSessionResponse.parse(answer.body);
}

async function facilitatorToken(strategy: Credentials, workshopId: string) {
  const answer = await api(
    server.url,
    'POST',
    `/api/strategies/${strategy.id}/sessions/${workshopId}/facilitate`,
    { token: strategy.token },
  );
  return FacilitateResponse.parse(answer.body).facilitatorToken;
}

/**
 * Two sessions: in the first Alice writes a note; in the second the room works in tables
 * (Alice at "Mobilités", her new note made there) and a note is added.
 */
async function twoSessionStrategy() {
  const created = await api(server.url, 'POST', '/api/strategies', { body: STRATEGY });
  const { strategy, facilitatorToken: token } = CreateStrategyResponse.parse(created.body);
  const credentials = { id: strategy.id, token };
  const first = await addSession(credentials, { date: '2027-01-15' });
  const alice = await join(server.url, first.session.joinCode, { name: 'Alice', group: 'resident' });
  const firstBoard = await connectDoc(server.wsUrl, roomName(first.session.workshopId, 'board'), alice.token);
  addNote(firstBoard.doc, { id: 'note-bus', x: 0, y: 0, author: alice.participantId, text: 'Pas de bus' });
  const facFirst = await connectDoc(
    server.wsUrl,
    roomName(first.session.workshopId, 'board'),
    await facilitatorToken(credentials, first.session.workshopId),
  );
  await waitDoc(facFirst, (doc) => readNotes(doc).length === 1, 'the note to reach the facilitator');
  firstBoard.destroy();
  facFirst.destroy();

  const second = await addSession(credentials, { date: '2027-02-20', invite: 'again' });
  const secondId = second.session.workshopId;
  const secondToken = await facilitatorToken(credentials, secondId);
  const aliceAgain = second.invited.find((p) => p.name === 'Alice');
  if (!aliceAgain) throw new Error('Alice was not invited again');
  const control = await connectDoc(server.wsUrl, roomName(secondId, 'control'), secondToken);
  addTable(control.doc, { name: 'Mobilités', color: '#e53935' }, 'table-mob');
  seatParticipants(control.doc, { [aliceAgain.participantId]: 'table-mob' });
  const board = await connectDoc(server.wsUrl, roomName(secondId, 'board'), secondToken);
  await waitDoc(board, (doc) => readNotes(doc).length === 1, 'the second session to start from the first');
  addNote(board.doc, { id: 'note-velo', x: 0, y: 0, author: aliceAgain.participantId, text: 'Des pistes' });
  setItemTable(board.doc, 'notes', 'note-velo', 'table-mob');
  // Both documents reach the server before anyone exports: a second client sees them.
  const check = await connectDoc(server.wsUrl, roomName(secondId, 'board'), secondToken);
  await waitDoc(check, (doc) => readNotes(doc).some((n) => n.table === 'table-mob'), 'the table’s note');
  const checkControl = await connectDoc(server.wsUrl, roomName(secondId, 'control'), secondToken);
  await waitDoc(checkControl, (doc) => doc.getMap('seats').size === 1, 'the seat');
  for (const client of [control, board, check, checkControl]) client.destroy();
  return { credentials, first, second };
}

async function download(strategy: Credentials, format: string) {
  const response = await fetch(`${server.url}/api/strategies/${strategy.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${strategy.token}` },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const ids = (file: StrategyFile) => file.sessions.map((s) => s.outcome.notes.map((n) => n.id));

describe('the export of a strategy of two sessions', () => {
  it('writes every session, first and last sessions, changes and the final state in every format', async () => {
    const { credentials, first, second } = await twoSessionStrategy();

    const json = await download(credentials, 'json');
    expect(json.response.status).toBe(200);
    expect(json.response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="atelier-strategie-du-val-vert-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const file = StrategyFile.parse(JSON.parse(new TextDecoder().decode(json.bytes)));
    expect(file.kind).toBe('strategy');
    expect(file.sessions.map((s) => [s.index, s.id, s.date])).toEqual([
      [1, first.session.workshopId, '2027-01-15'],
      [2, second.session.workshopId, '2027-02-20'],
    ]);
    expect(file.final.workshop.id).toBe(second.session.workshopId);
    expect(file.items.notes).toEqual([
      { id: 'note-bus', label: 'Pas de bus', firstSession: 1, lastSession: 2 },
      { id: 'note-velo', label: 'Des pistes', firstSession: 2, lastSession: 2 },
    ]);
    expect(file.changes).toHaveLength(1);
    expect(file.changes[0]?.changes.notes.map((c) => [c.id, c.change])).toEqual([['note-velo', 'added']]);
    expect(file.final.tables).toEqual([
      { id: 'table-mob', name: 'Mobilités', color: '#e53935', participants: [expect.any(String)] },
    ]);
    // No names unless asked.
    expect(file.sessions.every((s) => s.participation.people === null)).toBe(true);
    expect(new TextDecoder().decode(json.bytes)).not.toContain('Alice');

    const xlsx = await download(credentials, 'xlsx');
    expect(xlsx.response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ExcelJS.Buffer);
    const sheets = workbook.worksheets.map((w) => w.name);
    expect(sheets).toEqual(expect.arrayContaining(['Séances', 'Traçabilité', 'Évolutions', 'Tables']));
    const spans = workbook.getWorksheet('Traçabilité');
    expect(spans?.getRow(3).values).toEqual([undefined, 'Contributions', 'note-velo', 'Des pistes', 2, 2]);

    const csv = await download(credentials, 'csv');
    expect(Object.keys(unzipSync(csv.bytes))).toEqual(
      expect.arrayContaining(['sessions.csv', 'items.csv', 'changes.csv', 'notes.csv', 'tables.csv']),
    );

    const docx = await download(credentials, 'docx');
    expect(docx.response.status).toBe(200);
    const report = readDocx(docx.bytes);
    expect(report.properties.title).toBe(STRATEGY.title);
    const headings = report.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(headings).toEqual(
      expect.arrayContaining(['Séances', 'Par table', 'Évolutions entre les séances']),
    );

    const md = new TextDecoder().decode((await download(credentials, 'md')).bytes);
    expect(md).toContain('Par table');
    expect(md).toMatch(/\| Mobilités \| 1 \| 1 \|/);
    expect(md).toContain('De la séance 1 à la séance 2');
  });

  it('comes back through an import as a strategy with the same sessions and item ids', async () => {
    const { credentials } = await twoSessionStrategy();
    const exported = StrategyFile.parse(
      JSON.parse(new TextDecoder().decode((await download(credentials, 'json')).bytes)),
    );
    const imported = await api(server.url, 'POST', '/api/workshops/import', { body: { strategy: exported } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const { strategy, facilitatorToken: token } = CreateStrategyResponse.parse(imported.body);
    const detail = StrategyDetail.parse(
      (await api(server.url, 'GET', `/api/strategies/${strategy.id}`, { token })).body,
    );
    expect(detail.sessions.map((s) => [s.index, s.date, s.title])).toEqual(
      exported.sessions.map((s) => [s.index, s.date, s.title]),
    );
    const again = StrategyFile.parse(
      JSON.parse(new TextDecoder().decode((await download({ id: strategy.id, token }, 'json')).bytes)),
    );
    expect(ids(again)).toEqual(ids(exported));
    expect(again.items).toEqual(exported.items);
    expect(again.final.tables?.map((t) => [t.id, t.name])).toEqual([['table-mob', 'Mobilités']]);
    expect(again.changes.map((c) => c.changes.notes.map((n) => [n.id, n.change]))).toEqual([
      [['note-velo', 'added']],
    ]);
  });

  it('refuses a strategy file whose sessions are out of order, creating nothing', async () => {
    const { credentials } = await twoSessionStrategy();
    const exported = JSON.parse(new TextDecoder().decode((await download(credentials, 'json')).bytes));
    exported.sessions[1].index = 5;
    const answer = await api(server.url, 'POST', '/api/workshops/import', { body: { strategy: exported } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('sessions.1.index');
  });

  it('is for the strategy’s token only', async () => {
    const { credentials, first } = await twoSessionStrategy();
    const sessionToken = await facilitatorToken(credentials, first.session.workshopId);
    const answer = await download({ id: credentials.id, token: sessionToken }, 'json');
    expect(answer.response.status).toBe(401);
  });
});

import { addNote, CLOSE_CODES, readNotes, roomName, setStep } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  join,
  logEntries,
  openRaw,
  rawEnded,
  SyncRefused,
  startServerProcess,
  syncStep1Message,
  waitDoc,
  waitFor,
} from './harness';

afterAll(cleanup);

describe.each(['info', 'debug'])('logs at LOG_LEVEL=%s', (level) => {
  it('never contain a facilitator or participant token, through joins, syncs, refusals and shutdown', async () => {
    const server = await startServerProcess({ env: { LOG_LEVEL: level } });
    const workshop = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const alice = await join(server.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const olga = await join(server.url, workshop.joinCode, {
      name: 'Olga',
      group: 'partner',
      role: 'observer',
    });
    const tokens = [workshop.facilitatorToken, other.facilitatorToken, alice.token, olga.token];

    for (const token of [workshop.facilitatorToken, alice.token, olga.token]) {
      expect((await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token })).status).toBe(200);
    }
    expect(
      (await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: other.facilitatorToken }))
        .status,
    ).toBe(401);

    const board = roomName(workshop.id, 'board');
    const control = roomName(workshop.id, 'control');
    const f = await connectDoc(server.wsUrl, control, workshop.facilitatorToken, { origin: server.url });
    const a = await connectDoc(server.wsUrl, board, alice.token, {
      awarenessState: { cursor: { x: 1, y: 1 } },
    });
    const ac = await connectDoc(server.wsUrl, control, alice.token);
    const o = await connectDoc(server.wsUrl, board, olga.token);
    addNote(a.doc, { x: 1, y: 2, author: alice.participantId, text: 'logged?' });
    setStep(f.doc, 'issues');
    await waitDoc(o, (d) => readNotes(d).length === 1, 'the observer to receive the note');
    setStep(ac.doc, 'axes');
    addNote(o.doc, { x: 0, y: 0, author: olga.participantId, text: 'denied' });
    await waitFor(() => ac.denied.length > 0 && o.denied.length > 0, 'both denials');

    // Refusals and bad messages, all carrying real tokens.
    const refused = await connectDoc(server.wsUrl, board, other.facilitatorToken).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncRefused);
    const evil = openRaw(server.wsUrl, board, alice.token, { origin: 'https://evil.example' });
    await rawEnded(evil, 'the evil-origin socket to be refused');
    const bad = openRaw(server.wsUrl, board, alice.token);
    if (await bad.opened) bad.send(syncStep1Message());
    bad.send('text frame');
    expect(await rawEnded(bad, 'the text frame to close the socket')).toMatchObject({
      code: CLOSE_CODES.badMessage,
    });
    const unknownRoom = openRaw(server.wsUrl, `${workshop.id}/nonsense`, workshop.facilitatorToken);
    await rawEnded(unknownRoom, 'the unknown room to be refused');

    for (const c of [f, a, ac, o]) c.destroy();
    expect(await server.stop()).toBe(0);

    expect(logEntries(server).some((e) => e.msg === 'listening')).toBe(true);
    for (const token of tokens) {
      const at = server.logs.indexOf(token);
      expect(at, `a token appears in the logs: …${server.logs.slice(Math.max(0, at - 200), at + 100)}…`).toBe(
        -1,
      );
      // Nor in the shape a URL would carry it.
      expect(server.logs.includes(encodeURIComponent(token))).toBe(false);
    }
  });
});

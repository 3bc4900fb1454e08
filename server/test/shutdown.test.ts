import { addNote, CLOSE_CODES, readControlState, readNotes, roomName, setStep } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanup,
  connectDoc,
  createWorkshop,
  join,
  startServer,
  startServerProcess,
  waitDoc,
  waitFor,
} from './harness';

afterAll(cleanup);

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', (signal) => {
  it(`closes every socket with 1001, exits with code 0 and keeps the data`, async () => {
    const first = await startServerProcess();
    const workshop = await createWorkshop(first.url);
    const alice = await join(first.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const board = roomName(workshop.id, 'board');
    const control = roomName(workshop.id, 'control');
    const a = await connectDoc(first.wsUrl, board, alice.token);
    const b = await connectDoc(first.wsUrl, board, workshop.facilitatorToken);
    const f = await connectDoc(first.wsUrl, control, workshop.facilitatorToken);
    const id = addNote(a.doc, { x: 5, y: 6, author: alice.participantId, text: `before ${signal}` });
    setStep(f.doc, 'monitoring');
    await waitDoc(b, (d) => readNotes(d).some((n) => n.id === id), 'the facilitator to receive the note');
    const c = await connectDoc(first.wsUrl, control, alice.token);
    await waitDoc(c, (d) => readControlState(d).step === 'monitoring', 'Alice to see the step');

    const code = await first.stop(signal);
    expect(code, `exit code after ${signal}; output:\n${first.logs.slice(-1500)}`).toBe(0);
    for (const [client, who] of [
      [a, 'Alice (board)'],
      [b, 'the facilitator (board)'],
      [f, 'the facilitator (control)'],
      [c, 'Alice (control)'],
    ] as const) {
      await waitFor(() => client.closes.length > 0, `${who} to see the connection close`);
      expect(client.closes[0]?.code, `close code seen by ${who}`).toBe(CLOSE_CODES.goingAway);
    }
    for (const client of [a, b, f, c]) client.destroy();

    const second = await startServer({ dataDir: first.dataDir });
    const fresh = await connectDoc(second.wsUrl, board, alice.token);
    expect(readNotes(fresh.doc).find((n) => n.id === id)?.text).toBe(`before ${signal}`);
    const freshControl = await connectDoc(second.wsUrl, control, alice.token);
    expect(readControlState(freshControl.doc).step).toBe('monitoring');
    fresh.destroy();
    freshControl.destroy();
    await second.stop();
  });
});

describe('shutdown', () => {
  it('exits with code 0 on SIGTERM with no connection and frees the port', async () => {
    const server = await startServerProcess();
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    expect(await server.stop()).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

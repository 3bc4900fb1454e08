import { ApiError, addNote, CLOSE_CODES, roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  cleanup,
  connectDoc,
  logEntries,
  openRaw,
  rawEnded,
  SyncRefused,
  startServer,
  syncStep1Message,
  TWO_AND_OBSERVER,
  waitFor,
  workshopWith,
} from './harness';

afterAll(cleanup);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The connection id a close reason names. */
const closeId = (reason: string) => /\(connection ([^)]+)\)$/.exec(reason)?.[1];

describe('request ids', () => {
  it('an error reply carries its request id in X-Request-Id and the JSON, and the request log line names it', async () => {
    const server = await startServer();
    const answer = await api(server.url, 'GET', '/api/workshops/nope0000000000/participants-of-nobody');
    expect(answer.status).toBe(404);
    // The client's schema still reads it.
    const error = ApiError.parse(answer.body).error;
    const id = answer.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(error.requestId).toBe(id);
    const line = logEntries(server).find((e) => e.msg === 'request' && e.requestId === id);
    expect(line).toMatchObject({ method: 'GET', status: 404 });

    // Every reply has one, each its own; a bad body's 400 too.
    const health = await api(server.url, 'GET', '/healthz');
    expect(health.headers.get('x-request-id')).toMatch(UUID);
    expect(health.headers.get('x-request-id')).not.toBe(id);
    const bad = await api(server.url, 'POST', '/api/join', { body: '{not json' });
    expect(bad.status).toBe(400);
    expect(ApiError.parse(bad.body).error.requestId).toBe(bad.headers.get('x-request-id'));
    await server.stop();
  });

  it('takes a proxy’s X-Request-Id only behind TRUST_PROXY, and only when it looks like an id', async () => {
    const direct = await startServer();
    const proxyId = '7f9c2ba4e88f827d616045507605853e';
    const ignored = await api(direct.url, 'GET', '/api/nothing', { headers: { 'x-request-id': proxyId } });
    expect(ignored.headers.get('x-request-id')).toMatch(UUID);
    await direct.stop();

    const proxied = await startServer({ env: { TRUST_PROXY: '1' } });
    const taken = await api(proxied.url, 'GET', '/api/nothing', { headers: { 'x-request-id': proxyId } });
    expect(taken.headers.get('x-request-id')).toBe(proxyId);
    expect(ApiError.parse(taken.body).error.requestId).toBe(proxyId);
    expect(logEntries(proxied).some((e) => e.msg === 'request' && e.requestId === proxyId)).toBe(true);
    for (const junk of ['short', 'x'.repeat(65), 'a b c d e f g h', '{"$gt":""}-0000000']) {
      const answer = await api(proxied.url, 'GET', '/api/nothing', { headers: { 'x-request-id': junk } });
      expect(answer.headers.get('x-request-id'), junk).toMatch(UUID);
    }
    await proxied.stop();
  });
});

describe('connection ids', () => {
  it('a refused socket’s close reason names its connection, and so does the refusal’s log line', async () => {
    const server = await startServer();
    const { workshop } = await workshopWith(server.url, {});
    const refused = await connectDoc(server.wsUrl, roomName(workshop.id, 'board'), 'not-a-token').catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SyncRefused);
    const { code, reason } = refused as SyncRefused;
    expect(code).toBe(CLOSE_CODES.unauthorized);
    expect(reason).toMatch(/^invalid token \(connection [0-9a-f-]{36}\)$/);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    const line = logEntries(server).find(
      (e) => e.msg === 'sync refused' && e.connectionId === closeId(reason),
    );
    expect(line).toMatchObject({ code: CLOSE_CODES.unauthorized, reason: 'invalid token' });
    await server.stop();
  });

  it('one id follows a connection through connect, a denied write, a bad message and the disconnect', async () => {
    const server = await startServer();
    const { workshop, alice, olga } = await workshopWith(server.url, TWO_AND_OBSERVER);
    const board = roomName(workshop.id, 'board');

    // An observer's denied write: logged with the connection's id, as its connect line.
    const o = await connectDoc(server.wsUrl, board, olga.token);
    addNote(o.doc, { x: 0, y: 0, author: olga.participantId, text: 'refused' });
    await waitFor(() => o.denied.length > 0, 'the observer’s write to be refused');
    const connected = logEntries(server).find(
      (e) => e.msg === 'sync connected' && e.participantId === olga.participantId,
    );
    expect(connected?.connectionId).toMatch(UUID);
    const dropped = logEntries(server).find((e) => e.msg === 'write dropped');
    expect(dropped).toMatchObject({ connectionId: connected?.connectionId, reason: 'read-only' });

    // A text frame closes the socket with 4400; the reason names the connection the log names.
    const raw = openRaw(server.wsUrl, board, alice.token);
    expect(await raw.opened).toBe(true);
    raw.send(syncStep1Message());
    raw.send('not the protocol');
    const ended = await rawEnded(raw, 'the text frame to close the socket');
    expect(ended).toMatchObject({ kind: 'close', code: CLOSE_CODES.badMessage });
    const id = closeId(ended.kind === 'close' ? ended.reason : '');
    expect(id).toMatch(UUID);
    await waitFor(
      () => logEntries(server).some((e) => e.msg === 'sync disconnected' && e.connectionId === id),
      'the disconnect line of the closed socket',
    );
    const lines = logEntries(server).filter((e) => e.connectionId === id);
    expect(lines.map((e) => e.msg)).toEqual([
      'sync connected',
      'connection closed: text frames are not part of the protocol',
      'sync disconnected',
    ]);
    expect(lines[0]).toMatchObject({ participantId: alice.participantId, room: board });
    o.destroy();
    await server.stop();
  });

  it('the shutdown’s close frames name each connection', async () => {
    const server = await startServer();
    const { workshop, alice } = await workshopWith(server.url, { alice: TWO_AND_OBSERVER.alice });
    const raw = openRaw(server.wsUrl, roomName(workshop.id, 'board'), alice.token);
    expect(await raw.opened).toBe(true);
    // Joined: the server sent its sync step 1.
    await waitFor(() => raw.messages.length > 0, 'the socket to join its room');
    const stopping = server.stop();
    const ended = await rawEnded(raw, 'the shutdown to close the socket');
    await stopping;
    expect(ended).toMatchObject({ kind: 'close', code: CLOSE_CODES.goingAway });
    const id = closeId(ended.kind === 'close' ? ended.reason : '');
    expect(logEntries(server).some((e) => e.msg === 'sync connected' && e.connectionId === id)).toBe(true);
  });

  it('closes a socket still being let in when the shutdown starts, naming it too', async () => {
    const server = await startServer();
    const { workshop, alice } = await workshopWith(server.url, { alice: TWO_AND_OBSERVER.alice });
    const raw = openRaw(server.wsUrl, roomName(workshop.id, 'board'), alice.token);
    expect(await raw.opened).toBe(true);
    // At once: its token lookup and room load may still be under way (on PostgreSQL, they are).
    const stopping = server.stop();
    const ended = await rawEnded(raw, 'the shutdown to close the socket');
    await stopping;
    expect(ended).toMatchObject({ kind: 'close', code: CLOSE_CODES.goingAway });
    const id = closeId(ended.kind === 'close' ? ended.reason : '');
    expect(logEntries(server).some((e) => e.connectionId === id)).toBe(true);
  });
});

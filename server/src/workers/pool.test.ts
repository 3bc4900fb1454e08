import { readlinkSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strategyOf } from '../export/render';
import { checksum } from '../store/docs';
import { encodeSyncStep2Update } from '../sync/messages';
import { WorkPool, WorkPoolBusy, WorkTimeout } from './pool';
import { WORKER_NICE } from './thread-priority';
import { threadIds, threadNice } from './threads.fixture';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
let pool: WorkPool | undefined;
afterEach(async () => {
  await pool?.close();
});

describe('WorkPool', () => {
  it('reads an import in another thread and says what is wrong with it', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    const answer = await pool.parse(bytes({ strategy: 'un texte' }));
    expect(answer.threadId).not.toBe(threadId);
    expect(answer.read).toMatchObject({ ok: false, problem: 'strategy' });
    expect((await pool.parse(new TextEncoder().encode('{"strategy": '))).read).toEqual({
      ok: false,
      problem: 'json',
    });
  });

  it.runIf(process.platform === 'linux')('runs its threads below the sync loop’s priority', async () => {
    const before = threadIds();
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    await pool.parse(bytes({ strategy: 1 }));
    const started = [...threadIds()].filter((tid) => !before.has(tid));
    expect(started.map(threadNice)).toContain(WORKER_NICE);
    // The thread running this test (as the sync loop's) keeps its own.
    expect(threadNice(readlinkSync('/proc/thread-self').split('/').pop() ?? '')).toBe(0);
  });

  it('refuses at once past its queue, and reads the others', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 20_000, queue: 1 });
    const [first, second, third] = [1, 2, 3].map((n) => pool?.parse(bytes({ strategy: n })));
    await expect(third).rejects.toBeInstanceOf(WorkPoolBusy);
    for (const answer of [await first, await second]) expect(answer?.read).toMatchObject({ ok: false });
  });

  it('writes an export in another thread, and reads an import in the same one after it', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    const { source } = fixtureWorkshop();
    const frames = (doc: Y.Doc) => [encodeSyncStep2Update(Y.encodeStateAsUpdate(doc))];
    const session = { ...source, board: frames(source.board), control: frames(source.control) };
    const answer = await pool.exportFile({ kind: 'workshop', format: 'md', session });
    expect(answer.threadId).not.toBe(threadId);
    expect(new TextDecoder().decode(answer.result.bytes)).toMatch(/^# /);
    expect((await pool.parse(bytes({ strategy: 1 }))).threadId).toBe(answer.threadId);
  });

  it('builds a workshop’s strategy object in another thread, as this thread would', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    const { source } = fixtureWorkshop();
    const frames = (doc: Y.Doc) => [encodeSyncStep2Update(Y.encodeStateAsUpdate(doc))];
    const session = { ...source, board: frames(source.board), control: frames(source.control) };
    const read = await pool.readStrategy(session);
    expect(read.strategy?.notes.length).toBeGreaterThan(0);
    expect(read).toEqual(strategyOf(source));
  });

  it("cuts a board's stored state into slices in another thread, which rebuild it here", async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    const board = fixtureWorkshop().source.board;
    const expected = Y.encodeStateAsUpdate(board);
    const snapshot = expected.slice();
    const answer = await pool.sliceDoc({
      snapshot,
      updates: [new Uint8Array([200, 1])],
      snapshotChecksum: checksum(expected),
    });
    expect(answer.skipped).toEqual([0]);
    expect(answer.slices.length).toBeGreaterThan(1);
    const doc = new Y.Doc();
    for (const slice of answer.slices) Y.applyUpdate(doc, slice);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(expected);
    // Handed over, not copied; what the room answers its first joiners with comes back framed.
    expect(snapshot.byteLength).toBe(0);
    expect(answer.snapshotStep2).toEqual(encodeSyncStep2Update(expected));
  });

  it('says a snapshot whose checksum does not match is damaged, without slicing it', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    const snapshot = Y.encodeStateAsUpdate(fixtureWorkshop().source.board);
    const answer = await pool.sliceDoc({
      snapshot,
      updates: [],
      snapshotChecksum: checksum(new Uint8Array(1)),
    });
    expect(answer.damaged).toMatch(/checksum mismatch/);
    expect(answer.slices).toEqual([]);
  });

  it('takes a cold load before the imports waiting, even past a full queue', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 20_000, queue: 1 });
    const finished: string[] = [];
    const running = pool.parse(bytes({ strategy: 1 })).then(() => finished.push('running import'));
    const waiting = pool.parse(bytes({ strategy: 2 })).then(() => finished.push('waiting import'));
    const board = Y.encodeStateAsUpdate(fixtureWorkshop().source.board);
    const load = pool.sliceDoc({ snapshot: board, updates: [] }).then(() => finished.push('cold load'));
    await Promise.all([running, waiting, load]);
    expect(finished).toEqual(['running import', 'cold load', 'waiting import']);
  });

  it('says why an export failed in its worker', async () => {
    pool = new WorkPool({ workers: 1, timeoutMs: 10_000 });
    const { source } = fixtureWorkshop();
    const session = { ...source, board: [new Uint8Array([1, 0])], control: [] };
    await expect(pool.exportFile({ kind: 'workshop', format: 'json', session })).rejects.toThrow(
      /export failed in its worker: .*not a sync step 2/,
    );
  });

  it('stops a worker that takes too long, and says so', async () => {
    // Starting a worker alone takes longer than 1 ms: every file times out, none hangs.
    pool = new WorkPool({ workers: 1, timeoutMs: 1 });
    await expect(pool.parse(bytes({ strategy: 1 }))).rejects.toBeInstanceOf(WorkTimeout);
    await expect(pool.parse(bytes({ strategy: 2 }))).rejects.toBeInstanceOf(WorkTimeout);
  });
});

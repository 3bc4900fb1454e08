import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCluster,
  MINUTE_MS,
  noEntries,
  readRounds,
  readTimer,
  roomName,
  type StrategyRound,
  setTimer,
  tallyRound,
} from '@atelier/shared';
import { votesMap } from '@atelier/shared/layout';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createSqliteBallotStore } from '../store/ballots';
import { openDb } from '../store/db';
import { createSqliteDocStore } from '../store/docs';
import { createSqliteJournalStore } from '../store/journal';
import { createSqliteStrategyStore } from '../store/strategies';
import { createSqliteStorage } from '../store/transaction';
import { createSqliteWorkshopStore } from '../store/workshops';
import { RoomManager } from '../sync/rooms';
import type { Clock } from './clock';
import { fakeClock } from './clock.fixture';
import { createVoteService, type VoteService } from './service';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(clock = fakeClock()) {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-votes-'));
  const db = openDb(dir);
  const log = pino({ level: 'silent' });
  const docs = createSqliteDocStore(db);
  const store = createSqliteBallotStore(db);
  const storage = createSqliteStorage(db, {
    docs,
    journal: createSqliteJournalStore(db),
    workshops: createSqliteWorkshopStore(db),
    strategies: createSqliteStrategyStore(db),
    ballots: store,
  });
  const rooms = new RoomManager(docs, storage, log, {
    graceMs: 0,
    compactLogBytes: 64 * 1024,
    presenceTickMs: 30,
  });
  const workshops = createSqliteWorkshopStore(db);
  const services: VoteService[] = [];
  const service = (c: Clock = clock) => {
    const votes = createVoteService({ store, workshops, rooms, log, clock: c });
    services.push(votes);
    return votes;
  };
  cleanups.push(async () => {
    for (const votes of services) votes.close();
    await rooms.closeAll();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { workshop } = await workshops.create({
    title: 'Atelier',
    territory: { name: 'Ornans', kind: 'municipality' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  const lea = (
    await workshops.addParticipant({
      workshopId: workshop.id,
      name: 'Léa',
      group: 'resident',
      role: 'participant',
    })
  ).participant.id;
  await rooms.withDoc(roomName(workshop.id, 'board'), (board) => {
    createCluster(board, { title: 'Mobilité', x: 0, y: 0 }, 'issue-a');
    createCluster(board, { title: 'Santé', x: 300, y: 0 }, 'issue-b');
  });
  const controlName = roomName(workshop.id, 'control');
  const control = <T>(fn: (doc: Y.Doc) => T) => rooms.withDoc(controlName, fn);
  return { clock, rooms, docs, store, storage, workshop, lea, service, control, controlName };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function timedRound(s: Setup, votes: VoteService, minutes = 1) {
  const created = await votes.create(s.workshop, {
    title: 'Chrono',
    targetKind: 'issues',
    targets: 'all',
    quorum: null,
    collegeWeighting: false,
    mode: 'dots',
    visibility: 'secret',
    durationMinutes: minutes,
  });
  if (!created.value) throw new Error(JSON.stringify(created.error));
  const opened = await votes.transition(s.workshop.id, created.value.id, 'open');
  if (!opened.value) throw new Error(JSON.stringify(opened.error));
  return opened.value;
}

const place = (votes: VoteService, s: Setup, roundId: string, dots: Record<string, number>) =>
  votes.cast(s.workshop.id, roundId, s.lea, { requestId: randomUUID(), dots });

describe('timed rounds (fake clock)', () => {
  it('refuses a vote arriving once the time is up with time_up, and closes the round then', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    expect(round.endsAt).toBe(s.clock.now() + MINUTE_MS);
    expect(await s.control(readTimer)).toEqual({
      durationMs: MINUTE_MS,
      remainingMs: MINUTE_MS,
      endsAt: round.endsAt,
      freezeAtEnd: false,
    });
    expect((await place(votes, s, round.id, { 'issue-a': 1 })).value?.used).toBe(1);

    s.clock.jump(MINUTE_MS - 1);
    expect((await place(votes, s, round.id, { 'issue-a': 2 })).value?.used).toBe(2);
    s.clock.jump(1);
    expect((await place(votes, s, round.id, { 'issue-b': 1 })).error?.code).toBe('time_up');
    expect((await votes.withdraw(s.workshop.id, round.id, s.lea)).error?.code).toBe('round_not_open');
    expect((await votes.ballot(s.workshop.id, round.id, s.lea)).value?.dots).toEqual({ 'issue-a': 2 });

    const [closed] = await votes.list(s.workshop.id);
    expect(closed).toMatchObject({
      state: 'closed',
      endsAt: null,
      closedAt: new Date(round.endsAt ?? 0).toISOString(),
    });
    expect(await s.control(readRounds)).toEqual([closed]);
  });

  it('closes the round by itself at its deadline', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    await s.clock.advance(MINUTE_MS - 1);
    expect((await votes.list(s.workshop.id))[0]?.state).toBe('open');
    await s.clock.advance(1);
    expect((await votes.list(s.workshop.id))[0]?.state).toBe('closed');
    expect((await s.control(readRounds))[0]).toMatchObject({ id: round.id, state: 'closed' });
  });

  it('tries the closing again while the disk refuses it, and closes the round once it takes writes', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    vi.spyOn(s.store, 'saveRound').mockImplementationOnce(() => {
      throw full;
    });
    await s.clock.advance(MINUTE_MS);
    expect((await votes.list(s.workshop.id))[0]?.state).toBe('open');
    await s.clock.advance(5000);
    expect((await votes.list(s.workshop.id))[0]).toMatchObject({ id: round.id, state: 'closed' });
  });

  it('moves the deadline and the timer when the facilitator gives more time', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    await s.clock.advance(30_000);
    const extended = (await votes.extend(s.workshop.id, round.id, 2)).value;
    expect(extended?.endsAt).toBe((round.endsAt ?? 0) + 2 * MINUTE_MS);
    expect(await s.control(readTimer)).toMatchObject({
      endsAt: extended?.endsAt,
      remainingMs: 2.5 * MINUTE_MS,
    });
    await s.clock.advance(MINUTE_MS);
    expect((await place(votes, s, round.id, { 'issue-a': 1 })).value?.used).toBe(1);
    await s.clock.advance(1.5 * MINUTE_MS);
    expect((await votes.list(s.workshop.id))[0]?.state).toBe('closed');
    expect((await votes.extend(s.workshop.id, round.id, 2)).error?.code).toBe('round_not_open');
  });

  it('stops its timer when closed early, unless the facilitator has set another since', async () => {
    const s = await setup();
    const votes = s.service();
    const first = await timedRound(s, votes);
    await votes.transition(s.workshop.id, first.id, 'reveal');
    expect(await s.control(readTimer)).toBeNull();

    const second = await timedRound(s, votes);
    const own = { durationMs: 10_000, remainingMs: 10_000, endsAt: null, freezeAtEnd: true };
    await s.control((doc) => setTimer(doc, own));
    await votes.transition(s.workshop.id, second.id, 'close');
    expect(await s.control(readTimer)).toEqual(own);
  });

  it('reopening a timed round gives it its whole time again', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    await s.clock.advance(MINUTE_MS);
    const reopened = (await votes.transition(s.workshop.id, round.id, 'reopen')).value;
    expect(reopened).toMatchObject({ state: 'open', endsAt: s.clock.now() + MINUTE_MS });
    expect((await place(votes, s, round.id, { 'issue-b': 1 })).value?.used).toBe(1);
  });

  it('after a restart, closes the rounds whose deadline passed while the server was down', async () => {
    const s = await setup();
    const round = await timedRound(s, s.service());
    const later = fakeClock(s.clock.now() + 5 * MINUTE_MS);
    const restarted = s.service(later);
    await restarted.ready;
    await later.advance(0);
    expect((await restarted.list(s.workshop.id))[0]).toMatchObject({ id: round.id, state: 'closed' });
  });
});

describe('facilitator actions at once', () => {
  it('never lets a closing overwrite a reveal: the round ends revealed with its results, as published', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    await place(votes, s, round.id, { 'issue-a': 2 });
    const [revealed, closed] = await Promise.all([
      votes.transition(s.workshop.id, round.id, 'reveal'),
      votes.transition(s.workshop.id, round.id, 'close'),
    ]);
    expect(revealed.value?.state).toBe('revealed');
    // Closed first, or refused: the round had changed under it.
    expect(closed.value?.state ?? closed.error?.code).toMatch(/^(closed|invalid_transition)$/);
    const [stored] = await votes.list(s.workshop.id);
    expect(stored).toMatchObject({ state: 'revealed', results: { voters: 1 } });
    expect(await s.control(readRounds)).toEqual([stored]);
  });
});

describe('the control document’s votes root', () => {
  const forge = (doc: Y.Doc, roundId: string) => {
    votesMap(doc).set(roundId, { forged: true });
    votesMap(doc).set('invented', { id: 'invented' });
  };

  it('is put back at once when another origin than the server writes it', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    const after = await s.control((doc) => {
      doc.transact(() => forge(doc, round.id), 'a facilitator’s client');
      return readRounds(doc);
    });
    expect(after).toEqual(await votes.list(s.workshop.id));
    expect(await s.control((doc) => [...votesMap(doc).keys()])).toEqual([round.id]);
  });

  it('is put back when the control room loads if it changed while nobody had it open', async () => {
    const s = await setup();
    const votes = s.service();
    const round = await timedRound(s, votes);
    await vi.waitFor(() => expect(s.rooms.has(s.controlName)).toBe(false));

    // Written straight into the stored log, as if by an old server or a lost publication.
    const stored = await s.docs.load(s.controlName);
    const doc = new Y.Doc();
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      Y.applyUpdate(doc, update);
    }
    const appended: Promise<number>[] = [];
    doc.on('update', (update: Uint8Array) => appended.push(s.docs.append(s.controlName, [update])));
    forge(doc, round.id);
    await Promise.all(appended);
    expect(readRounds(doc)).not.toEqual(await votes.list(s.workshop.id));

    expect(await s.control(readRounds)).toEqual(await votes.list(s.workshop.id));
    expect(await s.control((d) => [...votesMap(d).keys()])).toEqual([round.id]);
  });
});

describe('rounds of an imported strategy', () => {
  const earlier: StrategyRound = {
    id: 'r-elsewhere',
    title: 'Enjeux prioritaires',
    targetKind: 'issues',
    targets: [
      { id: 'issue-a', label: 'Mobilité' },
      { id: 'issue-b', label: 'Santé' },
    ],
    mode: 'dots',
    visibility: 'secret',
    dots: { budget: 3, cap: 2, negative: false },
    criteria: null,
    grades: null,
    points: null,
    quorum: null,
    collegeWeighting: false,
    durationMinutes: null,
    createdAt: '2025-02-01T09:00:00.000Z',
    openedAt: '2025-02-01T09:01:00.000Z',
    closedAt: '2025-02-01T09:10:00.000Z',
    revealedAt: '2025-02-01T09:11:00.000Z',
    results: { voters: 0, targets: [], ties: [], byGroup: [], pairwise: null, weighted: null, quorum: null },
  };
  earlier.results = tallyRound(earlier, [
    { participantId: 'x', group: 'resident', ...noEntries(), dots: { 'issue-a': 2, 'issue-b': 1 } },
  ]);

  it('are stored revealed with their results under new ids, and published when the control room loads', async () => {
    const s = await setup();
    const votes = s.service();
    const importing = () =>
      s.storage.withTransaction((tx) => votes.importRevealed(tx, s.workshop.id, [earlier]));
    const ids = await importing();
    const id = ids.get('r-elsewhere');
    expect(id).toEqual(expect.any(String));
    expect(id).not.toBe('r-elsewhere');
    const expected = { ...earlier, id, state: 'revealed', endsAt: null };
    expect(await votes.list(s.workshop.id)).toEqual([expected]);
    expect(await s.control(readRounds)).toEqual([expected]);
    // Importing the same strategy again gives other ids: round ids are unique on a server.
    expect((await importing()).get('r-elsewhere')).not.toBe(id);
  });
});

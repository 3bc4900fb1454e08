import {
  type ApiError,
  addReminder,
  type Ballot,
  type BallotChange,
  type CreateRoundBody,
  DEFAULT_CRITERIA_IDS,
  DEFAULT_CRITERIA_LABELS,
  DEFAULT_GRADE_LABELS,
  DotsSettings,
  draftsRoomName,
  MAX_RANKED_TARGETS,
  MAX_TARGETS,
  MINUTE_MS,
  misplacedSettings,
  PointsSettings,
  type PublicRound,
  parseRoomName,
  type QuorumOutcome,
  quorumOutcome,
  type RemindResponse,
  ROUND_TRANSITIONS,
  type RoundAction,
  type RoundProgress,
  readTimer,
  readVoteTargets,
  revealedRound,
  roomName,
  SERVER_ORIGIN,
  type StrategyRound,
  setTimer,
  TIMER_MAX_MS,
  type TimerState,
  type VoteTarget,
} from '@atelier/shared';
import type * as Y from 'yjs';
import type { z } from 'zod';
import type { NodeEvents } from '../cluster/node-events';
import type { Logger } from '../log';
import type { BallotStore, RoundRecord } from '../store/ballots';
import { isStorageFault } from '../store/health';
import { newId } from '../store/ids';
import type { TransactionStores } from '../store/transaction';
import type { WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { RoomManager } from '../sync/rooms';
import { type Clock, systemClock } from './clock';
import { RoundFaces } from './faces';
import { roundProgress } from './progress';
import { type RoundTimer, RoundTimers } from './round-timers';
import { Throttle } from './throttle';

export type VoteErrorCode = ApiError['error']['code'];
/** A result, or why there is none (an API error code and a message); a refusal changes nothing. */
export type Outcome<T> =
  | { value: T; error?: never }
  | { error: { code: VoteErrorCode; message: string }; value?: never };

/**
 * Vote rounds: the facilitator's commands, ballots, and what is published. Who may call what
 * (facilitator, the ballot's owner, no observer) is the HTTP layer's to check; the service
 * checks the round (exists, its state, its deadline) and the voting rules.
 */
export interface VoteService {
  /**
   * Resolves once the open rounds' deadlines are scheduled again (start-up: those that passed
   * while the server was down close at once); rejects if the store could not be read.
   */
  readonly ready: Promise<void>;
  list(workshopId: string): Promise<PublicRound[]>;
  create(workshop: WorkshopRecord, body: z.output<typeof CreateRoundBody>): Promise<Outcome<PublicRound>>;
  /**
   * A facilitator's move. A reveal of a round with a quorum that a group has not met is refused
   * (`quorum_not_met`) unless `overrideQuorum`; the results then record the quorum as it stood.
   */
  transition(
    workshopId: string,
    roundId: string,
    action: RoundAction,
    options?: { overrideQuorum?: boolean },
  ): Promise<Outcome<PublicRound>>;
  extend(workshopId: string, roundId: string, minutes: number): Promise<Outcome<PublicRound>>;
  discard(workshopId: string, roundId: string): Promise<Outcome<null>>;
  progress(workshopId: string, roundId: string): Promise<Outcome<RoundProgress>>;
  remind(
    workshopId: string,
    roundId: string,
    participantIds?: readonly string[],
  ): Promise<Outcome<RemindResponse>>;
  ballot(workshopId: string, roundId: string, participantId: string): Promise<Outcome<Ballot>>;
  cast(
    workshopId: string,
    roundId: string,
    participantId: string,
    change: BallotChange,
  ): Promise<Outcome<Ballot>>;
  /** Withdraws everything from one ballot. */
  withdraw(workshopId: string, roundId: string, participantId: string): Promise<Outcome<Ballot>>;
  /**
   * Stores the revealed rounds of an imported strategy for a new workshop, with their results
   * (no ballots), each under a new id (round ids are unique across the server), in the
   * import's transaction `tx`: old id → new id. Not published: the new control document is
   * seeded with the same faces, and the guard checks them when the room loads.
   */
  importRevealed(
    tx: Pick<TransactionStores, 'ballots'>,
    workshopId: string,
    rounds: readonly StrategyRound[],
    /** The new id of each round, when chosen beforehand (an import's plan); else new ones. */
    chosen?: ReadonlyMap<string, string>,
  ): Promise<Map<string, string>>;
  /**
   * Stops a workshop's pending deadlines and publications (before it is deleted). Reads no
   * store: the deletion awaits nothing between dropping the rooms and deleting the rows.
   */
  forget(workshopId: string): void;
  /**
   * Another node changed the workshop's rounds (`rounds-changed`): the faces kept for its control
   * room here are read again, so this node's guard never undoes that node's publication.
   */
  changedElsewhere(workshopId: string): Promise<void>;
  /**
   * Closes every open round whose deadline has passed, in every workshop: the deadline duty's
   * sweep (docs/scale-out.md, §3), run by the lease holder, for rounds whose node died before
   * their timer fired. Each closing is the same conditional save as a timer's: of several
   * nodes closing one round, one saves it, publishes its faces and logs it.
   */
  sweepDeadlines(): Promise<void>;
  /** Stops pending deadlines and publications (shutdown). */
  close(): void;
}

export interface VoteServiceDeps {
  store: BallotStore;
  workshops: WorkshopStore;
  rooms: RoomManager;
  log: Logger;
  clock?: Clock;
  /** Open-visibility rounds: live results are published at most once per this many ms. */
  livePublishMs?: number;
  /**
   * The other nodes, told `rounds-changed` after each of this node's publications (none in the
   * embedded mode).
   */
  events?: Pick<NodeEvents, 'publish'>;
}

const PAST: Record<RoundAction, string> = {
  open: 'opened',
  close: 'closed',
  reveal: 'revealed',
  reopen: 'reopened',
};

function refuse<T>(code: VoteErrorCode, message: string): Outcome<T> {
  return { error: { code, message } };
}

const NO_ROUND = 'No round of this workshop has this id';

/** Reads of a publication's faces before it gives up when other nodes keep changing them. */
const FRESH_READS = 3;

/** A round's closing at its deadline that the disk refused is tried again this much later. */
const DEADLINE_RETRY_MS = 5000;

/** What a round does to the workshop timer: start it (opening, more time) or stop it (closed early). */
type TimerChange = { start: TimerState; round: RoundTimer } | { stop: number };

export function createVoteService(deps: VoteServiceDeps): VoteService {
  const { store, workshops, rooms, log } = deps;
  const clock = deps.clock ?? systemClock;
  const faces = new RoundFaces(store);
  const timers = new RoundTimers();
  const live = new Throttle(deps.livePublishMs ?? 200);
  /** Round id → its workshop and the closing scheduled at its deadline (`cancel`). */
  const deadlines = new Map<string, { workshopId: string; cancel: () => void }>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const controlOf = (name: string) => {
    const ref = parseRoomName(name);
    return ref?.kind === 'control' ? ref.workshopId : null;
  };

  // Every control room that loads is checked and then watched: the votes root is the server's.
  // Its faces are read before it is handed out; the guard writes them synchronously.
  rooms.beforeLoad(async (name) => {
    const workshopId = controlOf(name);
    if (workshopId === null) return;
    faces.track(workshopId);
    await faces.refresh(workshopId);
  });
  rooms.onLoad((room) => {
    const workshopId = controlOf(room.name);
    if (workshopId === null) return;
    faces.guard(workshopId, room.doc);
    const control = room.doc;
    timers.watch(control, (timer) => {
      restoreTimer(workshopId, control, timer).catch((error: unknown) => {
        log.error({ workshopId, err: String(error) }, 'a vote round timer not set again');
      });
    });
  });
  rooms.onUnload((name) => {
    const workshopId = controlOf(name);
    if (workshopId !== null) faces.untrack(workshopId);
  });

  /**
   * Writes the workshop's faces, read now, into its control document, and sets or stops a
   * round's timer. The room is held while the faces are read, so they are kept for it.
   */
  async function publish(workshopId: string, timer?: TimerChange): Promise<void> {
    const held = await rooms.hold(roomName(workshopId, 'control'));
    try {
      // Loaded now (perhaps before this service watched it): its faces are kept until it unloads.
      faces.track(workshopId);
      // Read again while another node's change arrives during the read (written, it would undo it).
      for (let reads = 0; reads < FRESH_READS && (reads === 0 || faces.stale(workshopId)); reads++)
        await faces.refresh(workshopId);
      // The document as it is now: a failed commit may have replaced it meanwhile.
      const control = held.room.doc;
      if (!faces.write(workshopId, control))
        log.warn(
          { workshopId },
          'vote faces not written: other nodes kept changing them (they publish theirs)',
        );
      if (timer && 'start' in timer) timers.set(control, timer.start, timer.round);
      // Stopped only if it is still the round's: the facilitator may have set another since.
      if (timer && 'stop' in timer && readTimer(control)?.endsAt === timer.stop)
        setTimer(control, null, SERVER_ORIGIN);
    } finally {
      held.release();
    }
    deps.events?.publish({ type: 'rounds-changed', workshopId }).catch((error: unknown) => {
      log.error(
        { workshopId, err: String(error) },
        'node events: the other nodes were not told of a round change',
      );
    });
  }

  /**
   * Another node's timer write, made at the same moment, replaced the one this node set for a
   * round: set again if the round is still open with that deadline (the store says which write
   * was the later), and the document does not show it.
   */
  async function restoreTimer(workshopId: string, control: Y.Doc, timer: RoundTimer): Promise<void> {
    const round = await store.round(workshopId, timer.roundId);
    if (round?.state !== 'open' || round.endsAt !== timer.endsAt) return;
    if (readTimer(control)?.endsAt === timer.endsAt) return;
    timers.set(control, roundTimer(timer.endsAt, clock.now()), timer);
  }

  function unschedule(roundId: string): void {
    deadlines.get(roundId)?.cancel();
    deadlines.delete(roundId);
  }

  function publishLive(round: RoundRecord): void {
    if (round.visibility !== 'open') return;
    live.request(round.workshopId, () => {
      publish(round.workshopId).catch((error: unknown) => {
        log.error({ workshopId: round.workshopId, err: String(error) }, 'live vote results not published');
      });
    });
  }

  /** The control timer counting down to a round's deadline; input is never frozen by it. */
  function roundTimer(endsAt: number, now: number): TimerState {
    const left = Math.min(TIMER_MAX_MS, Math.max(1000, endsAt - now));
    return { durationMs: left, remainingMs: left, endsAt, freezeAtEnd: false };
  }

  const due = (round: RoundRecord) =>
    round.state === 'open' && round.endsAt !== null && round.endsAt <= clock.now();

  function schedule(round: RoundRecord): void {
    unschedule(round.id);
    if (round.state !== 'open' || round.endsAt === null) return;
    const { workshopId, id } = round;
    const close = async (): Promise<void> => {
      deadlines.delete(id);
      try {
        const found = await store.round(workshopId, id);
        if (found) await closeIfDue(found);
      } catch (error) {
        log.error({ workshopId, roundId: id, err: String(error) }, 'a vote round could not be closed');
        // A full disk: tried again until it takes the write (docs/operations.md).
        if (isStorageFault(error))
          deadlines.set(id, { workshopId, cancel: clock.at(clock.now() + DEADLINE_RETRY_MS, close) });
      }
    };
    deadlines.set(id, { workshopId, cancel: clock.at(round.endsAt, close) });
  }

  /**
   * Saves `next`, made from `round` as read, then schedules and publishes it; `null` (nothing
   * saved) when another change to the round came first.
   */
  async function save(
    round: RoundRecord,
    next: RoundRecord,
    timer?: TimerChange,
  ): Promise<RoundRecord | null> {
    if (!(await store.saveRound(next, round))) return null;
    schedule(next);
    await publish(next.workshopId, timer);
    return next;
  }

  /**
   * Closes an open round whose time is up (the timer does it; a cast arriving first does it
   * too): the round as it is then, `null` if it was discarded meanwhile.
   */
  async function closeIfDue(round: RoundRecord): Promise<RoundRecord | null> {
    if (!due(round) || round.endsAt === null) return round;
    const closed = await save(round, {
      ...round,
      state: 'closed',
      closedAt: iso(round.endsAt),
      endsAt: null,
    });
    if (!closed) return store.round(round.workshopId, round.id);
    log.info({ workshopId: round.workshopId, roundId: round.id }, 'vote round closed: time is up');
    return closed;
  }

  /** The round as it stands now (closed if its time ran out), or why there is none. */
  async function current(workshopId: string, roundId: string): Promise<Outcome<RoundRecord>> {
    const round = await store.round(workshopId, roundId);
    const now = round && (await closeIfDue(round));
    return now ? { value: now } : refuse('not_found', NO_ROUND);
  }

  /** The face of a round saved, or the refusal when another change came first. */
  async function saved(round: RoundRecord | null): Promise<Outcome<PublicRound>> {
    if (!round) return refuse('invalid_transition', 'This round changed meanwhile: look again and retry');
    return { value: await faces.face(round) };
  }

  /** The round, if ballots may change now. */
  async function votingRound(workshopId: string, roundId: string): Promise<Outcome<RoundRecord>> {
    const round = await store.round(workshopId, roundId);
    if (!round) return refuse('not_found', NO_ROUND);
    if (due(round)) {
      await closeIfDue(round);
      return refuse('time_up', 'The time for this round is up: votes are closed');
    }
    if (round.state !== 'open')
      return refuse('round_not_open', `This round is ${round.state}, not open for voting`);
    return { value: round };
  }

  async function targetsOf(
    workshop: WorkshopRecord,
    body: z.output<typeof CreateRoundBody>,
  ): Promise<Outcome<VoteTarget[]>> {
    const onBoard = await rooms.withDoc(roomName(workshop.id, 'board'), (board) =>
      readVoteTargets(board, body.targetKind),
    );
    if (body.targets === 'all') {
      if (onBoard.length === 0)
        return refuse('unknown_target', `There are no ${body.targetKind} on the board to vote on`);
      if (onBoard.length > MAX_TARGETS)
        return refuse('bad_request', `A round covers at most ${MAX_TARGETS} targets: choose some`);
      return { value: onBoard };
    }
    const known = new Set(onBoard.map((t) => t.id));
    const unknown = body.targets.find((id) => !known.has(id));
    if (unknown !== undefined)
      return refuse('unknown_target', `${unknown} is not one of the ${body.targetKind} on the board`);
    // In the board's reading order, like a round on all of them.
    const chosen = new Set(body.targets);
    return { value: onBoard.filter((t) => chosen.has(t.id)) };
  }

  const ready = store.timedOpenRounds().then((rounds) => {
    for (const round of rounds) schedule(round);
  });

  return {
    ready,
    list: (workshopId) => faces.faces(workshopId),

    async create(workshop, body) {
      const misplaced = misplacedSettings(body);
      if (misplaced) return refuse('bad_request', misplaced);
      const targets = await targetsOf(workshop, body);
      if (targets.error) return { error: targets.error };
      if (body.mode === 'ranking' && targets.value.length > MAX_RANKED_TARGETS)
        return refuse(
          'bad_request',
          `targets: a ranking orders at most ${MAX_RANKED_TARGETS} targets (${targets.value.length} chosen): choose fewer, or use majority judgment`,
        );
      const labels = DEFAULT_CRITERIA_LABELS[workshop.locale];
      const round: RoundRecord = {
        id: newId(),
        workshopId: workshop.id,
        title: body.title,
        targetKind: body.targetKind,
        targets: targets.value,
        mode: body.mode,
        visibility: body.visibility,
        dots: body.mode === 'dots' ? DotsSettings.parse(body.dots ?? {}) : null,
        criteria:
          body.mode === 'scoring'
            ? (body.criteria ?? DEFAULT_CRITERIA_IDS.map((id) => ({ id, label: labels[id], weight: 1 })))
            : null,
        grades: body.mode === 'judgment' ? (body.grades ?? [...DEFAULT_GRADE_LABELS[workshop.locale]]) : null,
        points: body.mode === 'points' ? PointsSettings.parse(body.points ?? {}) : null,
        quorum: body.quorum,
        collegeWeighting: body.collegeWeighting,
        state: 'draft',
        durationMinutes: body.durationMinutes,
        endsAt: null,
        createdAt: iso(clock.now()),
        openedAt: null,
        closedAt: null,
        revealedAt: null,
        results: null,
      };
      await store.createRound(round);
      await publish(workshop.id);
      return { value: await faces.face(round) };
    },

    async transition(workshopId, roundId, action, options = {}) {
      const found = await current(workshopId, roundId);
      if (found.error) return found;
      const round = found.value;
      if (!ROUND_TRANSITIONS[action].from.includes(round.state))
        return refuse('invalid_transition', `A ${round.state} round cannot be ${PAST[action]}`);
      const now = clock.now();
      if (action === 'open' || action === 'reopen') {
        // Reopening starts afresh: secret results are withdrawn, a timed round gets its whole time.
        const endsAt = round.durationMinutes === null ? null : now + round.durationMinutes * MINUTE_MS;
        const next = await save(
          round,
          {
            ...round,
            state: 'open',
            openedAt: iso(now),
            closedAt: null,
            revealedAt: null,
            results: null,
            endsAt,
          },
          endsAt === null ? undefined : { start: roundTimer(endsAt, now), round: { roundId, endsAt } },
        );
        return saved(next);
      }
      // Closed before its deadline: the timer counting down to it stops too.
      const stop = round.endsAt === null ? undefined : { stop: round.endsAt };
      if (action === 'close')
        return saved(
          await save(round, { ...round, state: 'closed', closedAt: iso(now), endsAt: null }, stop),
        );
      // The quorum, on the ballots as they stand now (a cast arriving meanwhile only adds to it).
      let quorum: QuorumOutcome | null = null;
      if (round.quorum) {
        const [people, ballots] = await Promise.all([
          workshops.participants(workshopId),
          store.ballots(round.id),
        ]);
        quorum = quorumOutcome(round.quorum, roundProgress(round, people, ballots).voters);
        const short = quorum.groups.filter((g) => !g.met);
        if (short.length > 0 && !options.overrideQuorum)
          return refuse(
            'quorum_not_met',
            `Quorum of ${round.quorum.percent} % not reached by: ${short.map((g) => `${g.group} (${g.voted}/${g.expected})`).join(', ')}; reveal with overrideQuorum to go on`,
          );
      }
      // Reveal: counted and saved in one store transaction, so no cast slips in between.
      const revealed = await store.reveal(round, iso(now), quorum);
      if (revealed) {
        schedule(revealed);
        await publish(workshopId, stop);
      }
      return saved(revealed);
    },

    async extend(workshopId, roundId, minutes) {
      const found = await current(workshopId, roundId);
      if (found.error) return found;
      const round = found.value;
      if (round.state !== 'open')
        return refuse('round_not_open', `This round is ${round.state}: only an open round gets more time`);
      if (round.endsAt === null)
        return refuse('invalid_transition', 'This round has no time limit to extend');
      const now = clock.now();
      const endsAt = Math.min(round.endsAt + minutes * MINUTE_MS, now + TIMER_MAX_MS);
      return saved(
        await save(
          round,
          { ...round, endsAt },
          { start: roundTimer(endsAt, now), round: { roundId, endsAt } },
        ),
      );
    },

    async discard(workshopId, roundId) {
      const round = await store.round(workshopId, roundId);
      if (!round) return refuse('not_found', NO_ROUND);
      await store.discard(round.id, iso(clock.now()));
      unschedule(round.id);
      await publish(workshopId, round.endsAt === null ? undefined : { stop: round.endsAt });
      return { value: null };
    },

    async progress(workshopId, roundId) {
      const round = await store.round(workshopId, roundId);
      if (!round) return refuse('not_found', NO_ROUND);
      const [people, ballots] = await Promise.all([
        workshops.participants(workshopId),
        store.ballots(round.id),
      ]);
      return { value: roundProgress(round, people, ballots) };
    },

    async remind(workshopId, roundId, participantIds) {
      const found = await current(workshopId, roundId);
      if (found.error) return found;
      const round = found.value;
      if (round.state !== 'open')
        return refuse('round_not_open', `This round is ${round.state}: nobody can vote now`);
      const people = await workshops.participants(workshopId);
      let ids: string[];
      if (participantIds) {
        const voters = new Set(people.filter((p) => !p.removedAt && p.role !== 'observer').map((p) => p.id));
        const unknown = participantIds.find((id) => !voters.has(id));
        if (unknown !== undefined)
          return refuse('not_found', `${unknown} is nobody in this workshop who can vote`);
        ids = [...new Set(participantIds)];
      } else {
        const removed = new Set(people.filter((p) => p.removedAt).map((p) => p.id));
        ids = roundProgress(round, people, await store.ballots(round.id))
          .voters.filter((v) => v.status !== 'done' && !removed.has(v.participantId))
          .map((v) => v.participantId);
      }
      const at = clock.now();
      for (const id of ids)
        await rooms.withDoc(draftsRoomName(workshopId, id), (doc) => addReminder(doc, round.id, at));
      return { value: { reminded: ids } };
    },

    async ballot(workshopId, roundId, participantId) {
      const round = await store.round(workshopId, roundId);
      if (!round) return refuse('not_found', NO_ROUND);
      return { value: await store.ballot(round, participantId) };
    },

    async cast(workshopId, roundId, participantId, change) {
      const round = await votingRound(workshopId, roundId);
      if (round.error) return round;
      const outcome = await store.cast(round.value, participantId, change);
      if (outcome.refusal) return { error: outcome.refusal };
      publishLive(round.value);
      return { value: outcome.ballot };
    },

    async withdraw(workshopId, roundId, participantId) {
      const round = await votingRound(workshopId, roundId);
      if (round.error) return round;
      const outcome = await store.clear(round.value, participantId);
      if (outcome.refusal) return { error: outcome.refusal };
      publishLive(round.value);
      return { value: outcome.ballot };
    },

    async importRevealed(tx, workshopId, rounds, chosen) {
      const ids = new Map<string, string>();
      for (const round of rounds) {
        const id = chosen?.get(round.id) ?? newId();
        await tx.ballots.createRound({ ...revealedRound(round, id), workshopId });
        ids.set(round.id, id);
      }
      return ids;
    },

    changedElsewhere: (workshopId) => faces.changedElsewhere(workshopId),

    async sweepDeadlines() {
      for (const round of await store.timedOpenRounds()) {
        if (!due(round)) continue;
        await closeIfDue(round).catch((error: unknown) => {
          log.error(
            { workshopId: round.workshopId, roundId: round.id, err: String(error) },
            'a vote round could not be closed',
          );
        });
      }
    },

    forget(workshopId) {
      for (const [roundId, deadline] of deadlines)
        if (deadline.workshopId === workshopId) unschedule(roundId);
      live.cancel(workshopId);
      faces.untrack(workshopId);
    },

    close() {
      for (const { cancel } of deadlines.values()) cancel();
      deadlines.clear();
      live.clear();
    },
  };
}

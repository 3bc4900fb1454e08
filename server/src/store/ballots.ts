import {
  applyBallotChange,
  type Ballot,
  type BallotChange,
  type BallotEntries,
  type BallotRefusalCode,
  budgetUsed,
  noEntries,
  type ParticipantGroup,
  PublicRound,
  type QuorumOutcome,
  ROUND_TRANSITIONS,
  RoundResults,
  type RoundState,
  roundBudget,
  tallyRound,
} from '@atelier/shared';
import type { Db } from './db';

/**
 * A round as stored: its public face plus its workshop. `results` holds the results computed
 * at the reveal (`null` before, and again after a reopen); live results of open-visibility
 * rounds are never stored, they are tallied when published.
 */
export type RoundRecord = PublicRound & { workshopId: string };

/**
 * A ballot as the tally reads it: what one person placed, whether they said they are done, and
 * their group (read with it, so that counting needs no other store; `other` if they are gone).
 */
export interface StoredBallot extends BallotEntries {
  participantId: string;
  group: ParticipantGroup;
  done: boolean;
}

/** A ballot's entries and "done", as one person's row read back. */
export type StoredEntries = Omit<StoredBallot, 'participantId' | 'group'>;

/** Nothing placed, not done. */
export const nothingStored = (): StoredEntries => ({ ...noEntries(), done: false });

export type CastRefusalCode = BallotRefusalCode | 'replayed' | 'round_not_open';
export type CastOutcome =
  | { ballot: Ballot; refusal?: never }
  | { refusal: { code: CastRefusalCode; message: string }; ballot?: never };

/**
 * Vote rounds and ballots (the architecture's ballot store; SQLite by default, PostgreSQL in
 * `pg/ballots.ts`). Ballots are read and written only through here: each change is one
 * transaction, so a refused or replayed request changes nothing and concurrent requests never
 * lose a dot.
 */
export interface BallotStore {
  createRound(round: RoundRecord): Promise<void>;
  /** A round of the workshop, unless it was discarded. */
  round(workshopId: string, roundId: string): Promise<RoundRecord | null>;
  /** The workshop's rounds (discarded ones left out), oldest first. */
  rounds(workshopId: string): Promise<RoundRecord[]>;
  /** Open rounds with a deadline, in every workshop: their closing is scheduled again at start-up. */
  timedOpenRounds(): Promise<RoundRecord[]>;
  /**
   * Saves a round's state, times and results (its settings never change) if its stored state
   * and deadline are still `from`'s, the round as the caller read it: false (nothing saved) when
   * another change to the round (a closing, more time), or its discarding, came first. One
   * conditional statement, so of several nodes closing a round at its deadline one saves it.
   */
  saveRound(round: RoundRecord, from: RoundFrom): Promise<boolean>;
  /**
   * Reveals a round in one transaction: reads it again (it must still be open or closed, and
   * not discarded), counts its ballots as they stand and saves it revealed at `at` with those
   * results. A cast is in the results or refused as `round_not_open`, never lost in between.
   * `null` when the round is gone or can no longer be revealed.
   */
  reveal(round: RoundRecord, at: string, quorum?: QuorumOutcome | null): Promise<RoundRecord | null>;
  /** One person's ballot (empty when they placed nothing). */
  ballot(round: RoundRecord, participantId: string): Promise<Ballot>;
  /**
   * Applies a change to one person's ballot with the voting rules, in one transaction: a round
   * no longer open (closed, revealed, discarded meanwhile) refuses it as `round_not_open`, a
   * request id already applied to this ballot as `replayed`, and a rule refusal leaves the
   * ballot as it was. The deadline is the caller's to check first.
   */
  cast(round: RoundRecord, participantId: string, change: BallotChange): Promise<CastOutcome>;
  /** Withdraws everything from one person's ballot (and their "done"), if the round is still open. */
  clear(round: RoundRecord, participantId: string): Promise<CastOutcome>;
  /** Every ballot of a round that was ever touched (some may be empty again). */
  ballots(roundId: string): Promise<StoredBallot[]>;
  /** Marks the round discarded and deletes its ballots. */
  discard(roundId: string, at: string): Promise<void>;
}

/** What a round's save is conditioned on: its state and deadline as read. */
export type RoundFrom = Pick<RoundRecord, 'state' | 'endsAt'>;

/** The round's settings: what `config` holds (they never change after creation). */
export const RoundConfig = PublicRound.pick({
  title: true,
  targetKind: true,
  targets: true,
  mode: true,
  visibility: true,
  dots: true,
  criteria: true,
  grades: true,
  points: true,
  quorum: true,
  collegeWeighting: true,
});

/** A round's row read back: SQLite's and PostgreSQL's column values as the contract's types. */
export interface RoundColumns {
  id: string;
  workshop_id: string;
  /** JSON: text on SQLite, already parsed on PostgreSQL (`jsonb`). */
  config: unknown;
  state: string;
  duration_minutes: number | null;
  ends_at: number | null;
  results: unknown;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  revealed_at: string | null;
}

export interface EntryRow {
  participant_id: string;
  target_id: string;
  criterion: string;
  value: number;
}

/**
 * Each entry of a ballot is one row: a target, a criterion and a value. Dots are stored with the
 * criterion `DOTS`, scores with their criterion's id (lowercase letters, digits and dashes, so
 * never one of the marks below), a grade with `GRADE`, points with `POINTS`, and a ranking as one
 * row per ranked target with `PLACE` and its place (0 the first).
 */
const DOTS = '';
const GRADE = '#grade';
const POINTS = '#points';
const PLACE = '#place';

const NOT_OPEN = (state: string | undefined) => ({
  refusal: {
    code: 'round_not_open' as const,
    message: `This round is ${state ?? 'gone'}, not open for voting`,
  },
});
/** A request id already applied to this ballot. */
export const REPLAYED = {
  refusal: { code: 'replayed' as const, message: 'This change was already applied (same requestId)' },
};

/**
 * What a cast does to one ballot: refused (a rule, a replay, a round no longer open), or the
 * ballot it becomes and the entry rows to delete and to write. Both backends apply it in their
 * transaction, after reading the round's state, whether the request was seen and the ballot.
 */
export function planCast(
  round: RoundRecord,
  participantId: string,
  now: {
    state: string | undefined;
    replayed: boolean;
    stored: StoredEntries;
  },
  change: BallotChange,
):
  | { refusal: { code: CastRefusalCode; message: string } }
  | { ballot: Ballot; deletes: EntryKey[]; upserts: (EntryKey & { value: number })[] } {
  if (now.state !== 'open') return NOT_OPEN(now.state);
  if (now.replayed) return REPLAYED;
  const before = toBallot(round, participantId, now.stored);
  const outcome = applyBallotChange(round, before, change);
  if (outcome.refusal) return { refusal: outcome.refusal };
  const old = entryMap(before);
  const next = entryMap(outcome.ballot);
  return {
    ballot: outcome.ballot,
    deletes: [...old].filter(([key]) => !next.has(key)).map(([, entry]) => entry),
    upserts: [...next].filter(([key, { value }]) => old.get(key)?.value !== value).map(([, entry]) => entry),
  };
}

/** A clear's outcome: refused when the round is no longer open, else the empty ballot. */
export function planClear(round: RoundRecord, participantId: string, state: string | undefined): CastOutcome {
  if (state !== 'open') return NOT_OPEN(state);
  return { ballot: toBallot(round, participantId, nothingStored()) };
}

/** The round revealed at `at` with its ballots counted, or `null` if its state forbids it. */
export function revealRecord(
  round: RoundRecord,
  ballots: readonly StoredBallot[],
  at: string,
  quorum: QuorumOutcome | null = null,
): RoundRecord | null {
  if (!ROUND_TRANSITIONS.reveal.from.includes(round.state)) return null;
  return {
    ...round,
    state: 'revealed',
    closedAt: round.closedAt ?? at,
    endsAt: null,
    revealedAt: at,
    results: { ...tallyRound(round, ballots), quorum },
  };
}

export function createSqliteBallotStore(db: Db): BallotStore {
  const insertRound = db.prepare(
    `INSERT INTO vote_rounds (id, workshop_id, config, state, duration_minutes, ends_at, results,
       created_at, opened_at, closed_at, revealed_at)
     VALUES (@id, @workshopId, @config, @state, @durationMinutes, @endsAt, @results,
       @createdAt, @openedAt, @closedAt, @revealedAt)`,
  );
  const updateRound = db.prepare(
    `UPDATE vote_rounds SET state = @state, ends_at = @endsAt, results = @results,
       opened_at = @openedAt, closed_at = @closedAt, revealed_at = @revealedAt
     WHERE id = @id AND discarded_at IS NULL AND state = @from AND ends_at IS @fromEndsAt`,
  );
  const selectRound = db.prepare<[string, string], RoundColumns>(
    'SELECT * FROM vote_rounds WHERE workshop_id = ? AND id = ? AND discarded_at IS NULL',
  );
  const selectRounds = db.prepare<[string], RoundColumns>(
    'SELECT * FROM vote_rounds WHERE workshop_id = ? AND discarded_at IS NULL ORDER BY created_at, rowid',
  );
  const selectTimedOpen = db.prepare<[], RoundColumns>(
    `SELECT * FROM vote_rounds WHERE state = 'open' AND ends_at IS NOT NULL AND discarded_at IS NULL`,
  );
  const selectState = db
    .prepare<[string], string>('SELECT state FROM vote_rounds WHERE id = ? AND discarded_at IS NULL')
    .pluck();
  const selectEntries = db.prepare<[string, string], EntryRow>(
    'SELECT participant_id, target_id, criterion, value FROM vote_entries WHERE round_id = ? AND participant_id = ?',
  );
  const selectAllEntries = db.prepare<[string], EntryRow>(
    'SELECT participant_id, target_id, criterion, value FROM vote_entries WHERE round_id = ?',
  );
  const upsertEntry = db.prepare(
    `INSERT INTO vote_entries (round_id, participant_id, target_id, criterion, value) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, participant_id, target_id, criterion) DO UPDATE SET value = excluded.value`,
  );
  const deleteEntry = db.prepare(
    'DELETE FROM vote_entries WHERE round_id = ? AND participant_id = ? AND target_id = ? AND criterion = ?',
  );
  const deleteEntries = db.prepare('DELETE FROM vote_entries WHERE round_id = ? AND participant_id = ?');
  const selectDone = db
    .prepare<[string, string], number>(
      'SELECT done FROM vote_ballots WHERE round_id = ? AND participant_id = ?',
    )
    .pluck();
  const selectStatuses = db.prepare<[string], BallotStatusRow>(
    `SELECT b.participant_id, b.done, p.grp FROM vote_ballots b
     LEFT JOIN participants p ON p.id = b.participant_id WHERE b.round_id = ? ORDER BY b.rowid`,
  );
  const upsertStatus = db.prepare(
    `INSERT INTO vote_ballots (round_id, participant_id, done, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (round_id, participant_id) DO UPDATE SET done = excluded.done, updated_at = excluded.updated_at`,
  );
  const requestSeen = db
    .prepare('SELECT 1 FROM vote_requests WHERE round_id = ? AND participant_id = ? AND request_id = ?')
    .pluck();
  const insertRequest = db.prepare(
    'INSERT INTO vote_requests (round_id, participant_id, request_id) VALUES (?, ?, ?)',
  );
  const markDiscarded = db.prepare('UPDATE vote_rounds SET discarded_at = ? WHERE id = ?');
  const deleteRoundRows = ['vote_entries', 'vote_ballots', 'vote_requests'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE round_id = ?`),
  );

  function stored(roundId: string, participantId: string): StoredEntries {
    return {
      ...entriesToBallot(selectEntries.all(roundId, participantId)),
      done: selectDone.get(roundId, participantId) === 1,
    };
  }

  const ballots = (roundId: string) =>
    ballotsOf(
      selectStatuses.all(roundId).map((row) => ({ ...row, done: Boolean(row.done) })),
      selectAllEntries.all(roundId),
    );

  // better-sqlite3's transactions are synchronous: nothing else runs between the round's state
  // read and the ballot's write.
  const cast = db.transaction(
    (round: RoundRecord, participantId: string, change: BallotChange): CastOutcome => {
      const plan = planCast(
        round,
        participantId,
        {
          state: selectState.get(round.id),
          replayed: Boolean(requestSeen.get(round.id, participantId, change.requestId)),
          stored: stored(round.id, participantId),
        },
        change,
      );
      if ('refusal' in plan) return { refusal: plan.refusal };
      for (const { target, criterion } of plan.deletes)
        deleteEntry.run(round.id, participantId, target, criterion);
      for (const { target, criterion, value } of plan.upserts)
        upsertEntry.run(round.id, participantId, target, criterion, value);
      upsertStatus.run(round.id, participantId, plan.ballot.done ? 1 : 0, new Date().toISOString());
      insertRequest.run(round.id, participantId, change.requestId);
      return { ballot: plan.ballot };
    },
  );

  const clear = db.transaction((round: RoundRecord, participantId: string): CastOutcome => {
    const outcome = planClear(round, participantId, selectState.get(round.id));
    if (outcome.refusal) return outcome;
    deleteEntries.run(round.id, participantId);
    upsertStatus.run(round.id, participantId, 0, new Date().toISOString());
    return outcome;
  });

  const reveal = db.transaction(
    (round: RoundRecord, at: string, quorum: QuorumOutcome | null): RoundRecord | null => {
      const now = toRound(selectRound.get(round.workshopId, round.id));
      const revealed = now && revealRecord(now, ballots(now.id), at, quorum);
      if (revealed) updateRound.run({ ...roundParams(revealed), from: now.state, fromEndsAt: now.endsAt });
      return revealed;
    },
  );

  const discard = db.transaction((roundId: string, at: string) => {
    markDiscarded.run(at, roundId);
    for (const statement of deleteRoundRows) statement.run(roundId);
  });

  // Synchronous inside (better-sqlite3), settled promises outside: a throw becomes a rejection.
  return {
    async createRound(round) {
      insertRound.run({ ...roundParams(round), config: JSON.stringify(RoundConfig.parse(round)) });
    },
    round: async (workshopId, roundId) => toRound(selectRound.get(workshopId, roundId)),
    rounds: async (workshopId) => selectRounds.all(workshopId).map((row) => toRound(row) as RoundRecord),
    timedOpenRounds: async () => selectTimedOpen.all().map((row) => toRound(row) as RoundRecord),
    saveRound: async (round, from) =>
      updateRound.run({ ...roundParams(round), from: from.state, fromEndsAt: from.endsAt }).changes === 1,
    reveal: async (round, at, quorum = null) => reveal(round, at, quorum),
    ballot: async (round, participantId) => toBallot(round, participantId, stored(round.id, participantId)),
    cast: async (round, participantId, change) => cast(round, participantId, change),
    clear: async (round, participantId) => clear(round, participantId),
    ballots: async (roundId) => ballots(roundId),
    discard: async (roundId, at) => discard(roundId, at),
  };
}

/** A ballot's status row with the voter's group (`null` if they are gone). */
export interface BallotStatusRow {
  participant_id: string;
  done: boolean;
  grp: string | null;
}

/** A round's ballots from its status rows and entry rows, in the status rows' order. */
export function ballotsOf(
  statuses: readonly BallotStatusRow[],
  entries: readonly EntryRow[],
): StoredBallot[] {
  const byPerson = new Map<string, StoredBallot>();
  const entry = (participantId: string) => {
    let ballot = byPerson.get(participantId);
    if (!ballot) {
      ballot = { participantId, group: 'other', ...nothingStored() };
      byPerson.set(participantId, ballot);
    }
    return ballot;
  };
  for (const status of statuses) {
    const ballot = entry(status.participant_id);
    ballot.done = status.done;
    if (status.grp) ballot.group = status.grp as ParticipantGroup;
  }
  for (const row of entries) addEntry(entry(row.participant_id), row);
  for (const ballot of byPerson.values()) orderRanking(ballot);
  return [...byPerson.values()];
}

/** The round's columns as written (times as ISO text, JSON as text; PostgreSQL casts them). */
export function roundParams(round: RoundRecord) {
  return {
    id: round.id,
    workshopId: round.workshopId,
    state: round.state,
    durationMinutes: round.durationMinutes,
    endsAt: round.endsAt,
    results: round.results ? JSON.stringify(round.results) : null,
    createdAt: round.createdAt,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    revealedAt: round.revealedAt,
  };
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

export function toRound(row: RoundColumns | undefined): RoundRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    workshopId: row.workshop_id,
    ...RoundConfig.parse(json(row.config)),
    state: row.state as RoundState,
    durationMinutes: row.duration_minutes,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    revealedAt: row.revealed_at,
    results: row.results === null ? null : RoundResults.parse(json(row.results)),
  };
}

/** Ranked targets' places while a ballot's rows are read (turned into its `ranking` after). */
const places = new WeakMap<BallotEntries, Map<string, number>>();

function addEntry(ballot: BallotEntries, row: EntryRow): void {
  const { target_id: target, criterion, value } = row;
  if (criterion === DOTS) ballot.dots[target] = value;
  else if (criterion === GRADE) ballot.grades[target] = value;
  else if (criterion === POINTS) ballot.points[target] = value;
  else if (criterion === PLACE) {
    const ranked = places.get(ballot) ?? new Map<string, number>();
    ranked.set(target, value);
    places.set(ballot, ranked);
  } else {
    const scores = ballot.scores[target] ?? {};
    scores[criterion] = value;
    ballot.scores[target] = scores;
  }
}

/** The ballot's ranking from the places read by `addEntry`. */
function orderRanking(ballot: BallotEntries): void {
  const ranked = places.get(ballot);
  if (ranked) ballot.ranking = [...ranked].sort((a, b) => a[1] - b[1]).map(([target]) => target);
}

/** One person's entries from their rows. */
export function entriesToBallot(rows: readonly EntryRow[]): BallotEntries {
  const ballot = noEntries();
  for (const row of rows) addEntry(ballot, row);
  orderRanking(ballot);
  return ballot;
}

/** One stored entry row's key: a target and a criterion (`DOTS` for dots). */
export interface EntryKey {
  target: string;
  criterion: string;
}

/** A ballot's stored rows, keyed by target and criterion. */
function entryMap(ballot: BallotEntries) {
  const entries = new Map<string, EntryKey & { value: number }>();
  const add = (target: string, criterion: string, value: number) =>
    entries.set(`${target}\n${criterion}`, { target, criterion, value });
  for (const [target, value] of Object.entries(ballot.dots)) add(target, DOTS, value);
  for (const [target, byCriterion] of Object.entries(ballot.scores))
    for (const [criterion, value] of Object.entries(byCriterion)) add(target, criterion, value);
  for (const [target, value] of Object.entries(ballot.grades)) add(target, GRADE, value);
  for (const [target, value] of Object.entries(ballot.points)) add(target, POINTS, value);
  for (const [place, target] of ballot.ranking.entries()) add(target, PLACE, place);
  return entries;
}

/** The ballot as its owner reads it: with the dots or points used and left. */
export function toBallot(
  round: Pick<PublicRound, 'id' | 'mode' | 'dots' | 'points'>,
  participantId: string,
  stored: StoredEntries,
): Ballot {
  const used = budgetUsed(round, stored);
  const { dots, scores, grades, points, ranking, done } = stored;
  return {
    roundId: round.id,
    participantId,
    dots,
    scores,
    grades,
    points,
    ranking,
    used,
    remaining: Math.max(0, roundBudget(round) - used),
    done,
  };
}

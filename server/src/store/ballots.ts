import {
  applyBallotChange,
  type Ballot,
  type BallotChange,
  type BallotRefusalCode,
  dotsUsed,
  type ParticipantGroup,
  PublicRound,
  RoundResults,
  type RoundState,
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
export interface StoredBallot {
  participantId: string;
  group: ParticipantGroup;
  dots: Record<string, number>;
  scores: Record<string, Record<string, number>>;
  done: boolean;
}

export type CastRefusalCode = BallotRefusalCode | 'replayed';
export type CastOutcome =
  | { ballot: Ballot; refusal?: never }
  | { refusal: { code: CastRefusalCode; message: string }; ballot?: never };

/**
 * Vote rounds and ballots (the architecture's ballot store; SQLite by default). Ballots are
 * read and written only through here: each change is one transaction, so a refused or
 * replayed request changes nothing and concurrent requests never lose a dot.
 */
export interface BallotStore {
  createRound(round: RoundRecord): void;
  /** A round of the workshop, unless it was discarded. */
  round(workshopId: string, roundId: string): RoundRecord | null;
  /** The workshop's rounds (discarded ones left out), oldest first. */
  rounds(workshopId: string): RoundRecord[];
  /** Open rounds with a deadline, in every workshop: their closing is scheduled again at start-up. */
  timedOpenRounds(): RoundRecord[];
  /** Saves a round's state, times and results (its settings never change). */
  saveRound(round: RoundRecord): void;
  /** One person's ballot (empty when they placed nothing). */
  ballot(round: RoundRecord, participantId: string): Ballot;
  /**
   * Applies a change to one person's ballot with the voting rules, in one transaction: a
   * request id already applied to this ballot is refused as `replayed`, a rule refusal leaves
   * the ballot as it was. The round's state is the caller's to check first.
   */
  cast(round: RoundRecord, participantId: string, change: BallotChange): CastOutcome;
  /** Withdraws everything from one person's ballot (and their "done"). */
  clear(round: RoundRecord, participantId: string): Ballot;
  /** Every ballot of a round that was ever touched (some may be empty again). */
  ballots(roundId: string): StoredBallot[];
  /** Marks the round discarded and deletes its ballots. */
  discard(roundId: string, at: string): void;
}

/** The round's settings: what `config` holds (they never change after creation). */
const RoundConfig = PublicRound.pick({
  title: true,
  targetKind: true,
  targets: true,
  mode: true,
  visibility: true,
  dots: true,
  criteria: true,
});

interface RoundRow {
  id: string;
  workshop_id: string;
  config: string;
  state: string;
  duration_minutes: number | null;
  ends_at: number | null;
  results: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  revealed_at: string | null;
}

interface EntryRow {
  participant_id: string;
  target_id: string;
  criterion: string;
  value: number;
}

/** Dots are stored with this criterion; scores with their criterion's id. */
const DOTS = '';

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
     WHERE id = @id AND discarded_at IS NULL`,
  );
  const selectRound = db.prepare<[string, string], RoundRow>(
    'SELECT * FROM vote_rounds WHERE workshop_id = ? AND id = ? AND discarded_at IS NULL',
  );
  const selectRounds = db.prepare<[string], RoundRow>(
    'SELECT * FROM vote_rounds WHERE workshop_id = ? AND discarded_at IS NULL ORDER BY created_at, rowid',
  );
  const selectTimedOpen = db.prepare<[], RoundRow>(
    `SELECT * FROM vote_rounds WHERE state = 'open' AND ends_at IS NOT NULL AND discarded_at IS NULL`,
  );
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
  const selectStatuses = db.prepare<[string], { participant_id: string; done: number; grp: string | null }>(
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

  function stored(roundId: string, participantId: string): Omit<StoredBallot, 'participantId' | 'group'> {
    const { dots, scores } = entriesToBallot(selectEntries.all(roundId, participantId));
    return { dots, scores, done: selectDone.get(roundId, participantId) === 1 };
  }

  const cast = db.transaction(
    (round: RoundRecord, participantId: string, change: BallotChange): CastOutcome => {
      if (requestSeen.get(round.id, participantId, change.requestId)) {
        return {
          refusal: { code: 'replayed', message: 'This change was already applied (same requestId)' },
        };
      }
      const current = stored(round.id, participantId);
      const before = toBallot(round, participantId, current);
      const outcome = applyBallotChange(round, before, change);
      if (outcome.refusal) return { refusal: outcome.refusal };
      const next = outcome.ballot;
      const old = entryMap(before);
      const now = entryMap(next);
      for (const [key, { target, criterion }] of old) {
        if (!now.has(key)) deleteEntry.run(round.id, participantId, target, criterion);
      }
      for (const [key, { target, criterion, value }] of now) {
        if (old.get(key)?.value !== value) upsertEntry.run(round.id, participantId, target, criterion, value);
      }
      upsertStatus.run(round.id, participantId, next.done ? 1 : 0, new Date().toISOString());
      insertRequest.run(round.id, participantId, change.requestId);
      return { ballot: next };
    },
  );

  const clear = db.transaction((round: RoundRecord, participantId: string): Ballot => {
    deleteEntries.run(round.id, participantId);
    upsertStatus.run(round.id, participantId, 0, new Date().toISOString());
    return toBallot(round, participantId, { dots: {}, scores: {}, done: false });
  });

  const discard = db.transaction((roundId: string, at: string) => {
    markDiscarded.run(at, roundId);
    for (const statement of deleteRoundRows) statement.run(roundId);
  });

  return {
    createRound(round) {
      insertRound.run({ ...roundParams(round), config: JSON.stringify(RoundConfig.parse(round)) });
    },
    round: (workshopId, roundId) => toRound(selectRound.get(workshopId, roundId)),
    rounds: (workshopId) => selectRounds.all(workshopId).map((row) => toRound(row) as RoundRecord),
    timedOpenRounds: () => selectTimedOpen.all().map((row) => toRound(row) as RoundRecord),
    saveRound(round) {
      updateRound.run(roundParams(round));
    },
    ballot: (round, participantId) => toBallot(round, participantId, stored(round.id, participantId)),
    cast: (round, participantId, change) => cast(round, participantId, change),
    clear: (round, participantId) => clear(round, participantId),
    ballots(roundId) {
      const byPerson = new Map<string, StoredBallot>();
      const entry = (participantId: string) => {
        let ballot = byPerson.get(participantId);
        if (!ballot) {
          ballot = { participantId, group: 'other', dots: {}, scores: {}, done: false };
          byPerson.set(participantId, ballot);
        }
        return ballot;
      };
      for (const status of selectStatuses.all(roundId)) {
        const ballot = entry(status.participant_id);
        ballot.done = status.done === 1;
        if (status.grp) ballot.group = status.grp as ParticipantGroup;
      }
      for (const row of selectAllEntries.all(roundId)) addEntry(entry(row.participant_id), row);
      return [...byPerson.values()];
    },
    discard: (roundId, at) => discard(roundId, at),
  };
}

function roundParams(round: RoundRecord) {
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

function toRound(row: RoundRow | undefined): RoundRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    workshopId: row.workshop_id,
    ...RoundConfig.parse(JSON.parse(row.config)),
    state: row.state as RoundState,
    durationMinutes: row.duration_minutes,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    revealedAt: row.revealed_at,
    results: row.results === null ? null : RoundResults.parse(JSON.parse(row.results)),
  };
}

function addEntry(ballot: Pick<StoredBallot, 'dots' | 'scores'>, row: EntryRow): void {
  if (row.criterion === DOTS) ballot.dots[row.target_id] = row.value;
  else {
    const scores = ballot.scores[row.target_id] ?? {};
    scores[row.criterion] = row.value;
    ballot.scores[row.target_id] = scores;
  }
}

function entriesToBallot(rows: readonly EntryRow[]): Pick<StoredBallot, 'dots' | 'scores'> {
  const ballot = { dots: {}, scores: {} };
  for (const row of rows) addEntry(ballot, row);
  return ballot;
}

/** A ballot's stored rows, keyed by target and criterion. */
function entryMap(ballot: Pick<Ballot, 'dots' | 'scores'>) {
  const entries = new Map<string, { target: string; criterion: string; value: number }>();
  for (const [target, value] of Object.entries(ballot.dots))
    entries.set(`${target}\n${DOTS}`, { target, criterion: DOTS, value });
  for (const [target, byCriterion] of Object.entries(ballot.scores)) {
    for (const [criterion, value] of Object.entries(byCriterion))
      entries.set(`${target}\n${criterion}`, { target, criterion, value });
  }
  return entries;
}

/** The ballot as its owner reads it: with the dots used and left. */
export function toBallot(
  round: Pick<PublicRound, 'id' | 'mode' | 'dots'>,
  participantId: string,
  stored: Omit<StoredBallot, 'participantId' | 'group'>,
): Ballot {
  const used = round.mode === 'dots' ? dotsUsed(stored.dots) : 0;
  return {
    roundId: round.id,
    participantId,
    dots: stored.dots,
    scores: stored.scores,
    used,
    remaining: round.mode === 'dots' ? Math.max(0, (round.dots?.budget ?? 0) - used) : 0,
    done: stored.done,
  };
}

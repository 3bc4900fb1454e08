import type { Locale, ParticipantGroup, Role, Territory, TerritoryKind } from '@atelier/shared';
import type { Db } from './db';
import { hashToken, newId, newJoinCode, newToken } from './ids';

export interface WorkshopRecord {
  id: string;
  title: string;
  territory: Territory;
  locale: Locale;
  joinCode: string;
  createdAt: string;
  /** The last activity recorded (`touch`): creation, then joins, connections, calls. */
  lastActiveAt: string;
  /** Whether the join code lets new people in (a facilitator may close it). */
  joiningOpen: boolean;
  /** The strategy this workshop is a session of (docs/contract.md, "Strategies and sessions"), or `null`. */
  strategyId: string | null;
  /** Whether that strategy is archived: its sessions' join codes answer 410 like a closed door. */
  strategyArchived: boolean;
  /** In a session, the participant the strategy's facilitator enters as (nobody here removes them); else `null`. */
  strategyFacilitatorId: string | null;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  name: string;
  group: ParticipantGroup;
  role: Role;
  /** Set for a co-facilitator: the role they joined with, restored when demoted. */
  promotedFrom: Role | null;
  /** When a facilitator removed them; their token is refused from then on. */
  removedAt: string | null;
  createdAt: string;
  /** The privacy notice they acknowledged at join (`null`: joined before notices, or created the workshop). */
  notice: NoticeAcknowledgement | null;
  /** When a facilitator erased them: `name` is then a neutral label and `removedAt` is set. */
  erasedAt: string | null;
}

export interface NoticeAcknowledgement {
  version: string;
  acknowledgedAt: string;
}

export interface NewWorkshop {
  title: string;
  territory: Territory;
  locale: Locale;
  facilitatorName: string;
}

export interface NewParticipant {
  workshopId: string;
  name: string;
  group: ParticipantGroup;
  role: Role;
  notice?: NoticeAcknowledgement;
}

/** Someone from an earlier session of an imported strategy: a note author, by name and group. */
export interface FormerParticipant {
  /** Their id, when chosen beforehand (an import's plan: import/seed-plan.ts); else a new one. */
  id?: string;
  name: string;
  group: ParticipantGroup;
}

/** A new workshop, its facilitator and their token (given out once). */
export interface CreatedWorkshop {
  workshop: WorkshopRecord;
  facilitator: ParticipantRecord;
  token: string;
}

/**
 * Workshops and the people in them. Tokens are returned once, at creation, and stored hashed.
 * Async (docs/architecture.md, "Stores behind async contracts"); a creation that writes more
 * (documents, rounds, a session) runs in `Storage.withTransaction` through `tx.workshops`.
 */
export interface WorkshopStore {
  /** Creates a workshop with its facilitator, in one transaction. */
  create(input: NewWorkshop): Promise<CreatedWorkshop>;
  get(id: string): Promise<WorkshopRecord | null>;
  getByJoinCode(code: string): Promise<WorkshopRecord | null>;
  /**
   * Gives the workshop a new join code (unused by any workshop); the old one opens nothing from
   * then on. Tokens are untouched. `null` for an unknown workshop.
   */
  rotateJoinCode(workshopId: string): Promise<WorkshopRecord | null>;
  /** Closes joining (the code lets nobody in) or reopens it; `null` for an unknown workshop. */
  setJoiningOpen(workshopId: string, open: boolean): Promise<WorkshopRecord | null>;
  addParticipant(input: NewParticipant): Promise<{ participant: ParticipantRecord; token: string }>;
  /**
   * Adds people of an earlier session (an imported strategy's note authors) as participants
   * already removed, so that their notes keep a name and a group: they never count as present,
   * and no token lets them in (none is ever given out). Returned in the order given.
   */
  addFormerParticipants(
    workshopId: string,
    people: readonly FormerParticipant[],
  ): Promise<ParticipantRecord[]>;
  /** The participant a token belongs to, unless they were removed. */
  participantByToken(token: string): Promise<ParticipantRecord | null>;
  /** Everyone who joined, removed people included (their notes keep their name). */
  participants(workshopId: string): Promise<ParticipantRecord[]>;
  /** Revokes a participant's token for good; `null` when nobody by that id is in the workshop. */
  remove(workshopId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** Promotes to co-facilitator (or restores the joined role); a no-op when it is already so. */
  setCoFacilitator(workshopId: string, participantId: string, on: boolean): Promise<ParticipantRecord | null>;
  /** Records activity at `at` (ISO time); never moves it backwards. */
  touch(workshopId: string, at: string): Promise<void>;
  /**
   * Replaces a participant's name by `label(n)`, n their rank of arrival in the workshop (1 for
   * the creator), and revokes their token; once erased, nothing changes (idempotent). `null`
   * when nobody by that id is in the workshop.
   */
  erase(
    workshopId: string,
    participantId: string,
    label: (rank: number) => string,
  ): Promise<ParticipantRecord | null>;
  /** Ids of the workshops whose last activity is before `cutoff` (ISO time). */
  idleBefore(cutoff: string): Promise<string[]>;
  /**
   * A new token for the workshop's creator (the operator's link recovery, `store/recovery.ts`):
   * its first facilitator, never promoted. The old token stops working. `null` when there is
   * none, or they were removed or erased (the workshop's other facilitators decide then).
   */
  reissueCreatorToken(workshopId: string): Promise<string | null>;
}

/** A workshop's columns as SQLite stores them (PostgreSQL's read through `sqliteShaped`). */
export interface WorkshopRow {
  id: string;
  title: string;
  territory_name: string;
  territory_kind: string;
  locale: string;
  join_code: string;
  created_at: string;
  last_active_at: string | null;
  joining_closed_at: string | null;
  strategy_id: string | null;
  strategy_archived_at: string | null;
  strategy_facilitator_id: string | null;
}

/** A participant's columns as SQLite stores them (PostgreSQL's read through `sqliteShaped`). */
export interface ParticipantRow {
  id: string;
  workshop_id: string;
  name: string;
  grp: string;
  role: string;
  promoted_from: string | null;
  removed_at: string | null;
  created_at: string;
  notice_version: string | null;
  notice_acknowledged_at: string | null;
  erased_at: string | null;
}

export function createSqliteWorkshopStore(db: Db): WorkshopStore {
  const insertWorkshop = db.prepare(
    `INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at, last_active_at)
     VALUES (@id, @title, @territoryName, @territoryKind, @locale, @joinCode, @createdAt, @lastActiveAt)`,
  );
  const updateLastActive = db.prepare(
    'UPDATE workshops SET last_active_at = @at WHERE id = @id AND (last_active_at IS NULL OR last_active_at < @at)',
  );
  const codeTaken = db.prepare('SELECT 1 FROM workshops WHERE join_code = ?').pluck();
  // With its strategy's archive state (a session of an archived strategy lets nobody join).
  const withStrategy = `SELECT w.*, s.archived_at AS strategy_archived_at
     FROM workshops w LEFT JOIN strategies s ON s.id = w.strategy_id`;
  const selectWorkshop = db.prepare<[string], WorkshopRow>(`${withStrategy} WHERE w.id = ?`);
  const selectByCode = db.prepare<[string], WorkshopRow>(`${withStrategy} WHERE w.join_code = ?`);
  const updateJoinCode = db.prepare('UPDATE workshops SET join_code = @joinCode WHERE id = @id');
  // Closing twice keeps the first time; reopening clears it.
  const updateJoining = db.prepare(
    `UPDATE workshops SET joining_closed_at = CASE WHEN @open THEN NULL ELSE COALESCE(joining_closed_at, @at) END
     WHERE id = @id`,
  );
  const insertParticipant = db.prepare(
    `INSERT INTO participants (id, workshop_id, name, grp, role, token_hash, removed_at, created_at, notice_version, notice_acknowledged_at)
     VALUES (@id, @workshopId, @name, @group, @role, @tokenHash, @removedAt, @createdAt, @noticeVersion, @noticeAcknowledgedAt)`,
  );
  const selectByToken = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE token_hash = ? AND removed_at IS NULL',
  );
  const selectParticipant = db.prepare<[string, string], ParticipantRow>(
    'SELECT * FROM participants WHERE workshop_id = ? AND id = ?',
  );
  const markRemoved = db.prepare(
    'UPDATE participants SET removed_at = @removedAt WHERE id = @id AND removed_at IS NULL',
  );
  const updateRole = db.prepare(
    'UPDATE participants SET role = @role, promoted_from = @promotedFrom WHERE id = @id',
  );
  const selectParticipants = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE workshop_id = ? ORDER BY created_at, rowid',
  );
  // A fresh token hash (of a token nobody is given) replaces the old one: the row keeps no trace of it.
  const markErased = db.prepare(
    `UPDATE participants SET name = @name, erased_at = @erasedAt, removed_at = COALESCE(removed_at, @erasedAt),
       token_hash = @tokenHash WHERE id = @id`,
  );
  // The creator: the first facilitator, never promoted (a co-facilitator has `promoted_from`).
  const selectCreator = db
    .prepare<[string], string>(
      `SELECT id FROM participants WHERE workshop_id = ? AND role = 'facilitator' AND promoted_from IS NULL
       ORDER BY created_at, rowid LIMIT 1`,
    )
    .pluck();
  const updateLiveToken = db.prepare(
    'UPDATE participants SET token_hash = ? WHERE id = ? AND removed_at IS NULL',
  );
  const selectIdle = db
    .prepare<[string], string>('SELECT id FROM workshops WHERE COALESCE(last_active_at, created_at) < ?')
    .pluck();

  function addParticipant(input: NewParticipant) {
    const joined = joiningParticipant(input);
    insertParticipant.run({ ...participantColumns(joined.participant), tokenHash: hashToken(joined.token) });
    return joined;
  }

  const addFormerParticipants = db.transaction(
    (workshopId: string, people: readonly FormerParticipant[]): ParticipantRecord[] => {
      const now = new Date().toISOString();
      return people.map((person) => {
        const participant = formerParticipant(workshopId, person, now);
        // The hash of a token nobody is given (the column is required and unique).
        insertParticipant.run({ ...participantColumns(participant), tokenHash: hashToken(newToken()) });
        return participant;
      });
    },
  );

  /** A code no workshop has; call inside a transaction so that nobody takes it meanwhile. */
  function unusedJoinCode(): string {
    let joinCode = newJoinCode();
    while (codeTaken.get(joinCode)) joinCode = newJoinCode();
    return joinCode;
  }

  const create = db.transaction((input: NewWorkshop): CreatedWorkshop => {
    const joinCode = unusedJoinCode();
    const workshop = newWorkshop(input, joinCode);
    insertWorkshop.run({
      ...workshop,
      territoryName: workshop.territory.name,
      territoryKind: workshop.territory.kind,
    });
    const { participant, token } = addParticipant({
      workshopId: workshop.id,
      name: input.facilitatorName,
      group: 'other',
      role: 'facilitator',
    });
    return { workshop, facilitator: participant, token };
  });

  const rotateJoinCode = db.transaction((workshopId: string) => {
    const workshop = toWorkshop(selectWorkshop.get(workshopId));
    if (!workshop) return null;
    // The current code counts as taken, so the new one always differs.
    const joinCode = unusedJoinCode();
    updateJoinCode.run({ id: workshopId, joinCode });
    return { ...workshop, joinCode };
  });

  const find = (workshopId: string, id: string) => toParticipant(selectParticipant.get(workshopId, id));

  const remove = db.transaction((workshopId: string, id: string) => {
    const found = find(workshopId, id);
    if (!found || found.removedAt) return found;
    const removedAt = new Date().toISOString();
    markRemoved.run({ id, removedAt });
    return { ...found, removedAt };
  });

  const erase = db.transaction((workshopId: string, id: string, label: (rank: number) => string) => {
    const everyone = selectParticipants.all(workshopId);
    const index = everyone.findIndex((p) => p.id === id);
    const found = toParticipant(everyone[index]);
    if (!found || found.erasedAt) return found;
    const erasedAt = new Date().toISOString();
    const name = label(index + 1);
    markErased.run({ id, name, erasedAt, tokenHash: hashToken(newToken()) });
    return { ...found, name, erasedAt, removedAt: found.removedAt ?? erasedAt };
  });

  const setCoFacilitator = db.transaction((workshopId: string, id: string, on: boolean) => {
    const found = find(workshopId, id);
    if (!found || found.removedAt) return found;
    const next = coFacilitatorChange(found, on);
    if (next !== found) updateRole.run({ id, role: next.role, promotedFrom: next.promotedFrom });
    return next;
  });

  // Synchronous inside (better-sqlite3); `async` turns a throw into a rejection.
  return {
    create: async (input) => create(input),
    get: async (id) => toWorkshop(selectWorkshop.get(id)),
    getByJoinCode: async (code) => toWorkshop(selectByCode.get(code)),
    rotateJoinCode: async (workshopId) => rotateJoinCode(workshopId),
    setJoiningOpen: async (workshopId, open) => {
      updateJoining.run({ id: workshopId, open: open ? 1 : 0, at: new Date().toISOString() });
      return toWorkshop(selectWorkshop.get(workshopId));
    },
    addParticipant: async (input) => addParticipant(input),
    addFormerParticipants: async (workshopId, people) => addFormerParticipants(workshopId, people),
    participantByToken: async (token) => toParticipant(selectByToken.get(hashToken(token))),
    participants: async (workshopId) =>
      selectParticipants.all(workshopId).map((row) => toParticipant(row) as ParticipantRecord),
    remove: async (workshopId, id) => remove(workshopId, id),
    setCoFacilitator: async (workshopId, id, on) => setCoFacilitator(workshopId, id, on),
    touch: async (workshopId, at) => {
      updateLastActive.run({ id: workshopId, at });
    },
    erase: async (workshopId, id, label) => erase(workshopId, id, label),
    idleBefore: async (cutoff) => selectIdle.all(cutoff),
    async reissueCreatorToken(workshopId) {
      const creator = selectCreator.get(workshopId);
      if (creator === undefined) return null;
      const token = newToken();
      return updateLiveToken.run(hashToken(token), creator).changes === 1 ? token : null;
    },
  };
}

/** A new workshop's record (its rows are the store's to write). */
export function newWorkshop(input: NewWorkshop, joinCode: string): WorkshopRecord {
  const createdAt = new Date().toISOString();
  return {
    id: newId(),
    title: input.title,
    territory: input.territory,
    locale: input.locale,
    joinCode,
    createdAt,
    lastActiveAt: createdAt,
    joiningOpen: true,
    strategyId: null,
    strategyArchived: false,
    strategyFacilitatorId: null,
  };
}

/** A person joining (or a workshop's creator) and the token given to them once. */
export function joiningParticipant({ notice, ...input }: NewParticipant): {
  participant: ParticipantRecord;
  token: string;
} {
  const participant: ParticipantRecord = {
    id: newId(),
    ...input,
    promotedFrom: null,
    removedAt: null,
    createdAt: new Date().toISOString(),
    notice: notice ?? null,
    erasedAt: null,
  };
  return { participant, token: newToken() };
}

/** Someone of an earlier session, added already removed at `now`. */
export function formerParticipant(
  workshopId: string,
  { id, name, group }: FormerParticipant,
  now: string,
): ParticipantRecord {
  return {
    id: id ?? newId(),
    workshopId,
    name,
    group,
    role: 'participant',
    promotedFrom: null,
    removedAt: now,
    createdAt: now,
    notice: null,
    erasedAt: null,
  };
}

/** Who a co-facilitator change makes of `found`: itself when nothing changes. */
export function coFacilitatorChange(found: ParticipantRecord, on: boolean): ParticipantRecord {
  if (on && found.role !== 'facilitator') return { ...found, role: 'facilitator', promotedFrom: found.role };
  if (!on && found.promotedFrom) return { ...found, role: found.promotedFrom, promotedFrom: null };
  return found;
}

/** A participant's columns, but the token's hash. */
export function participantColumns(participant: ParticipantRecord) {
  return {
    id: participant.id,
    workshopId: participant.workshopId,
    name: participant.name,
    group: participant.group,
    role: participant.role,
    removedAt: participant.removedAt,
    createdAt: participant.createdAt,
    noticeVersion: participant.notice?.version ?? null,
    noticeAcknowledgedAt: participant.notice?.acknowledgedAt ?? null,
  };
}

export function toWorkshop(row: WorkshopRow | undefined): WorkshopRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    territory: { name: row.territory_name, kind: row.territory_kind as TerritoryKind },
    locale: row.locale as Locale,
    joinCode: row.join_code,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at ?? row.created_at,
    joiningOpen: row.joining_closed_at === null,
    strategyId: row.strategy_id ?? null,
    strategyArchived: row.strategy_archived_at != null,
    strategyFacilitatorId: row.strategy_facilitator_id ?? null,
  };
}

export function toParticipant(row: ParticipantRow | undefined): ParticipantRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    workshopId: row.workshop_id,
    name: row.name,
    group: row.grp as ParticipantGroup,
    role: row.role as Role,
    promotedFrom: row.promoted_from as Role | null,
    removedAt: row.removed_at,
    createdAt: row.created_at,
    notice:
      row.notice_version && row.notice_acknowledged_at
        ? { version: row.notice_version, acknowledgedAt: row.notice_acknowledged_at }
        : null,
    erasedAt: row.erased_at,
  };
}

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
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  name: string;
  group: ParticipantGroup;
  role: Role;
  createdAt: string;
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
}

/** Workshops and the people in them. Tokens are returned once, at creation, and stored hashed. */
export interface WorkshopStore {
  /** Creates a workshop with its facilitator; `afterInsert` runs in the same transaction. */
  create(
    input: NewWorkshop,
    afterInsert?: (workshop: WorkshopRecord) => void,
  ): {
    workshop: WorkshopRecord;
    facilitator: ParticipantRecord;
    token: string;
  };
  get(id: string): WorkshopRecord | null;
  getByJoinCode(code: string): WorkshopRecord | null;
  addParticipant(input: NewParticipant): { participant: ParticipantRecord; token: string };
  participantByToken(token: string): ParticipantRecord | null;
  participants(workshopId: string): ParticipantRecord[];
}

interface WorkshopRow {
  id: string;
  title: string;
  territory_name: string;
  territory_kind: string;
  locale: string;
  join_code: string;
  created_at: string;
}

interface ParticipantRow {
  id: string;
  workshop_id: string;
  name: string;
  grp: string;
  role: string;
  created_at: string;
}

export function createSqliteWorkshopStore(db: Db): WorkshopStore {
  const insertWorkshop = db.prepare(
    `INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at)
     VALUES (@id, @title, @territoryName, @territoryKind, @locale, @joinCode, @createdAt)`,
  );
  const codeTaken = db.prepare('SELECT 1 FROM workshops WHERE join_code = ?').pluck();
  const selectWorkshop = db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?');
  const selectByCode = db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE join_code = ?');
  const insertParticipant = db.prepare(
    `INSERT INTO participants (id, workshop_id, name, grp, role, token_hash, created_at)
     VALUES (@id, @workshopId, @name, @group, @role, @tokenHash, @createdAt)`,
  );
  const selectByToken = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE token_hash = ?',
  );
  const selectParticipants = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE workshop_id = ? ORDER BY created_at, rowid',
  );

  function addParticipant(input: NewParticipant) {
    const participant: ParticipantRecord = { id: newId(), ...input, createdAt: new Date().toISOString() };
    const token = newToken();
    insertParticipant.run({ ...participant, tokenHash: hashToken(token) });
    return { participant, token };
  }

  const create = db.transaction((input: NewWorkshop, afterInsert?: (w: WorkshopRecord) => void) => {
    let joinCode = newJoinCode();
    while (codeTaken.get(joinCode)) joinCode = newJoinCode();
    const workshop: WorkshopRecord = {
      id: newId(),
      title: input.title,
      territory: input.territory,
      locale: input.locale,
      joinCode,
      createdAt: new Date().toISOString(),
    };
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
    afterInsert?.(workshop);
    return { workshop, facilitator: participant, token };
  });

  return {
    create: (input, afterInsert) => create(input, afterInsert),
    get: (id) => toWorkshop(selectWorkshop.get(id)),
    getByJoinCode: (code) => toWorkshop(selectByCode.get(code)),
    addParticipant,
    participantByToken: (token) => toParticipant(selectByToken.get(hashToken(token))),
    participants: (workshopId) =>
      selectParticipants.all(workshopId).map((row) => toParticipant(row) as ParticipantRecord),
  };
}

function toWorkshop(row: WorkshopRow | undefined): WorkshopRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    territory: { name: row.territory_name, kind: row.territory_kind as TerritoryKind },
    locale: row.locale as Locale,
    joinCode: row.join_code,
    createdAt: row.created_at,
  };
}

function toParticipant(row: ParticipantRow | undefined): ParticipantRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    workshopId: row.workshop_id,
    name: row.name,
    group: row.grp as ParticipantGroup,
    role: row.role as Role,
    createdAt: row.created_at,
  };
}

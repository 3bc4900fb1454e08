import { roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { createSqliteDocStore } from './docs';
import { createSqliteJournalStore } from './journal';
import { seedWorkshopDocs } from './seed';
import { createSqliteStrategyStore } from './strategies';
import { useTempDirs } from './temp-dirs';
import { createSqliteStorage } from './transaction';
import { createSqliteWorkshopStore } from './workshops';

const tempDir = useTempDirs('atelier-workshops-');
async function setup() {
  const dir = tempDir();
  const workshops = createSqliteWorkshopStore(openDb(dir));
  const { workshop } = await workshops.create({
    title: 'Atelier',
    territory: { name: 'Ornans', kind: 'municipality' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  const joinAs = (role: 'participant' | 'observer') =>
    workshops.addParticipant({ workshopId: workshop.id, name: 'Léa', group: 'resident', role });
  return { workshops, workshop, joinAs };
}
describe('SQLite workshop store: removing and promoting people', () => {
  it('refuses a removed participant’s token but keeps them in the list, marked removed', async () => {
    const { workshops, workshop, joinAs } = await setup();
    const { participant, token } = await joinAs('participant');
    expect((await workshops.participantByToken(token))?.id).toBe(participant.id);

    const removed = await workshops.remove(workshop.id, participant.id);
    expect(removed?.removedAt).toEqual(expect.any(String));
    expect(await workshops.participantByToken(token)).toBeNull();
    expect((await workshops.participants(workshop.id)).find((p) => p.id === participant.id)?.removedAt).toBe(
      removed?.removedAt,
    );
    // Removing again changes nothing.
    expect((await workshops.remove(workshop.id, participant.id))?.removedAt).toBe(removed?.removedAt);
  });

  it('promotes to facilitator and demotes back to the role the person joined with', async () => {
    const { workshops, workshop, joinAs } = await setup();
    const { participant: olga, token } = await joinAs('observer');
    expect(await workshops.setCoFacilitator(workshop.id, olga.id, true)).toMatchObject({
      role: 'facilitator',
      promotedFrom: 'observer',
    });
    expect((await workshops.participantByToken(token))?.role).toBe('facilitator');
    // Promoting twice keeps the joined role.
    expect((await workshops.setCoFacilitator(workshop.id, olga.id, true))?.promotedFrom).toBe('observer');
    expect(await workshops.setCoFacilitator(workshop.id, olga.id, false)).toMatchObject({
      role: 'observer',
      promotedFrom: null,
    });
    expect((await workshops.participantByToken(token))?.role).toBe('observer');
  });

  it('finds nobody by an id of another workshop', async () => {
    const { workshops, joinAs } = await setup();
    const { participant } = await joinAs('participant');
    const other = (await setup()).workshop;
    expect(await workshops.remove(other.id, participant.id)).toBeNull();
    expect(await workshops.setCoFacilitator(other.id, participant.id, true)).toBeNull();
  });
});

describe('SQLite workshop store: a new join code', () => {
  it('replaces the code at once, keeps every token, and leaves other workshops alone', async () => {
    const { workshops, workshop, joinAs } = await setup();
    const other = (
      await workshops.create({
        title: 'Autre',
        territory: { name: 'Besançon', kind: 'municipality' },
        locale: 'fr',
        facilitatorName: 'Noé',
      })
    ).workshop;
    const { participant, token } = await joinAs('participant');

    const rotated = await workshops.rotateJoinCode(workshop.id);
    expect(rotated).toEqual({ ...workshop, joinCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/) });
    expect(rotated?.joinCode).not.toBe(workshop.joinCode);
    expect(rotated?.joinCode).not.toBe(other.joinCode);

    expect(await workshops.getByJoinCode(workshop.joinCode)).toBeNull();
    expect((await workshops.getByJoinCode(rotated?.joinCode ?? ''))?.id).toBe(workshop.id);
    expect((await workshops.get(workshop.id))?.joinCode).toBe(rotated?.joinCode);
    expect((await workshops.participantByToken(token))?.id).toBe(participant.id);
    expect((await workshops.getByJoinCode(other.joinCode))?.id).toBe(other.id);
  });

  it('finds no workshop to change for an unknown id', async () => {
    const { workshops } = await setup();
    expect(await workshops.rotateJoinCode('nope')).toBeNull();
  });
});

describe('SQLite workshop store: former participants of an imported strategy', () => {
  it('lists them after the facilitator with their name and group, removed, as participants', async () => {
    const { workshops, workshop } = await setup();
    const former = await workshops.addFormerParticipants(workshop.id, [
      { name: 'Léa Dubois', group: 'resident' },
      { name: 'Participant·e 2 (séance précédente)', group: 'elected' },
    ]);
    expect(former).toEqual([
      expect.objectContaining({ name: 'Léa Dubois', group: 'resident', role: 'participant' }),
      expect.objectContaining({ group: 'elected', removedAt: expect.any(String) }),
    ]);
    const listed = await workshops.participants(workshop.id);
    expect(listed.map((p) => [p.name, p.role, p.removedAt === null])).toEqual([
      ['Camille', 'facilitator', true],
      ['Léa Dubois', 'participant', false],
      ['Participant·e 2 (séance précédente)', 'participant', false],
    ]);
    expect(listed.slice(1)).toEqual(former);
  });

  it('gives them no way in: they cannot be promoted, and removing them again changes nothing', async () => {
    const { workshops, workshop } = await setup();
    const [lea] = await workshops.addFormerParticipants(workshop.id, [{ name: 'Léa', group: 'resident' }]);
    if (!lea) throw new Error('one former participant');
    expect(await workshops.setCoFacilitator(workshop.id, lea.id, true)).toEqual(lea);
    expect(await workshops.remove(workshop.id, lea.id)).toEqual(lea);
    expect((await workshops.participants(workshop.id)).find((p) => p.id === lea.id)?.role).toBe(
      'participant',
    );
  });

  it('adds nobody for an empty list', async () => {
    const { workshops, workshop } = await setup();
    expect(await workshops.addFormerParticipants(workshop.id, [])).toEqual([]);
    expect(await workshops.participants(workshop.id)).toHaveLength(1);
  });
});

describe('SQLite workshop store: closing joining', () => {
  it('closes and reopens the door, keeps it across a new code, and leaves tokens alone', async () => {
    const { workshops, workshop, joinAs } = await setup();
    const { token } = await joinAs('participant');
    expect(workshop.joiningOpen).toBe(true);

    expect((await workshops.setJoiningOpen(workshop.id, false))?.joiningOpen).toBe(false);
    expect((await workshops.getByJoinCode(workshop.joinCode))?.joiningOpen).toBe(false);
    // Closing twice is still closed; a new code does not open the door.
    expect((await workshops.setJoiningOpen(workshop.id, false))?.joiningOpen).toBe(false);
    const rotated = await workshops.rotateJoinCode(workshop.id);
    expect((await workshops.getByJoinCode(rotated?.joinCode ?? ''))?.joiningOpen).toBe(false);
    expect(await workshops.participantByToken(token)).not.toBeNull();

    expect((await workshops.setJoiningOpen(workshop.id, true))?.joiningOpen).toBe(true);
    expect((await workshops.get(workshop.id))?.joiningOpen).toBe(true);
    expect(await workshops.setJoiningOpen('no-such-workshop', false)).toBeNull();
  });
});

describe('SQLite workshop store: personal data', () => {
  it('records the notice acknowledged at join', async () => {
    const { workshops, workshop } = await setup();
    const notice = { version: 'abc123', acknowledgedAt: '2027-01-02T03:04:05.000Z' };
    const { participant } = await workshops.addParticipant({
      workshopId: workshop.id,
      name: 'Léa',
      group: 'resident',
      role: 'participant',
      notice,
    });
    expect((await workshops.participants(workshop.id)).find((p) => p.id === participant.id)?.notice).toEqual(
      notice,
    );
  });

  it('erases a name with a label numbered by arrival, revokes the token, and does it once', async () => {
    const { workshops, workshop, joinAs } = await setup();
    await joinAs('participant');
    const { participant, token } = await joinAs('observer');
    const label = (n: number) => `Participant·e ${n}`;
    const erased = await workshops.erase(workshop.id, participant.id, label);
    expect(erased).toMatchObject({ name: 'Participant·e 3', erasedAt: expect.any(String) });
    expect(erased?.removedAt).toBe(erased?.erasedAt);
    expect(await workshops.participantByToken(token)).toBeNull();
    expect(await workshops.erase(workshop.id, participant.id, () => 'another')).toEqual(erased);
    expect(await workshops.erase(workshop.id, 'nobody', label)).toBeNull();
  });

  it('lists the workshops idle since before a time', async () => {
    const { workshops, workshop } = await setup();
    await workshops.touch(workshop.id, '2027-01-10T00:00:00.000Z');
    expect(await workshops.idleBefore('2027-01-09T00:00:00.000Z')).toEqual([]);
    expect(await workshops.idleBefore('2027-01-11T00:00:00.000Z')).toEqual([workshop.id]);
  });
});

describe('creating a workshop through Storage.withTransaction', () => {
  it('commits its rows and its first documents together, or none of them', async () => {
    const db = openDb(tempDir());
    const workshops = createSqliteWorkshopStore(db);
    const docs = createSqliteDocStore(db);
    const storage = createSqliteStorage(db, {
      docs,
      journal: createSqliteJournalStore(db),
      workshops,
      strategies: createSqliteStrategyStore(db),
    });
    const input = {
      title: 'Atelier',
      territory: { name: 'Ornans', kind: 'municipality' },
      locale: 'fr',
      facilitatorName: 'Camille',
    } as const;

    let failedId = '';
    await expect(
      storage.withTransaction(async (tx) => {
        const made = await tx.workshops.create(input);
        failedId = made.workshop.id;
        await seedWorkshopDocs(tx.docs, failedId);
        throw new Error('a later step of the creation failed');
      }),
    ).rejects.toThrow('a later step');
    expect(await workshops.get(failedId)).toBeNull();
    expect((await docs.load(roomName(failedId, 'control'))).updates).toEqual([]);

    const created = await storage.withTransaction(async (tx) => {
      const made = await tx.workshops.create(input);
      await seedWorkshopDocs(tx.docs, made.workshop.id);
      return made;
    });
    expect(await workshops.participantByToken(created.token)).toEqual(created.facilitator);
    for (const kind of ['control', 'board'] as const)
      expect((await docs.load(roomName(created.workshop.id, kind))).updates).toHaveLength(1);
  });
});

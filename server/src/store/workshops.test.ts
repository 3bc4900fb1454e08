import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { useTempDirs } from './temp-dirs';
import { createSqliteWorkshopStore } from './workshops';

const tempDir = useTempDirs('atelier-workshops-');
function setup() {
  const dir = tempDir();
  const workshops = createSqliteWorkshopStore(openDb(dir));
  const { workshop } = workshops.create({
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
  it('refuses a removed participant’s token but keeps them in the list, marked removed', () => {
    const { workshops, workshop, joinAs } = setup();
    const { participant, token } = joinAs('participant');
    expect(workshops.participantByToken(token)?.id).toBe(participant.id);

    const removed = workshops.remove(workshop.id, participant.id);
    expect(removed?.removedAt).toEqual(expect.any(String));
    expect(workshops.participantByToken(token)).toBeNull();
    expect(workshops.participants(workshop.id).find((p) => p.id === participant.id)?.removedAt).toBe(
      removed?.removedAt,
    );
    // Removing again changes nothing.
    expect(workshops.remove(workshop.id, participant.id)?.removedAt).toBe(removed?.removedAt);
  });

  it('promotes to facilitator and demotes back to the role the person joined with', () => {
    const { workshops, workshop, joinAs } = setup();
    const { participant: olga, token } = joinAs('observer');
    expect(workshops.setCoFacilitator(workshop.id, olga.id, true)).toMatchObject({
      role: 'facilitator',
      promotedFrom: 'observer',
    });
    expect(workshops.participantByToken(token)?.role).toBe('facilitator');
    // Promoting twice keeps the joined role.
    expect(workshops.setCoFacilitator(workshop.id, olga.id, true)?.promotedFrom).toBe('observer');
    expect(workshops.setCoFacilitator(workshop.id, olga.id, false)).toMatchObject({
      role: 'observer',
      promotedFrom: null,
    });
    expect(workshops.participantByToken(token)?.role).toBe('observer');
  });

  it('finds nobody by an id of another workshop', () => {
    const { workshops, joinAs } = setup();
    const { participant } = joinAs('participant');
    const other = setup().workshop;
    expect(workshops.remove(other.id, participant.id)).toBeNull();
    expect(workshops.setCoFacilitator(other.id, participant.id, true)).toBeNull();
  });
});

describe('SQLite workshop store: a new join code', () => {
  it('replaces the code at once, keeps every token, and leaves other workshops alone', () => {
    const { workshops, workshop, joinAs } = setup();
    const other = workshops.create({
      title: 'Autre',
      territory: { name: 'Besançon', kind: 'municipality' },
      locale: 'fr',
      facilitatorName: 'Noé',
    }).workshop;
    const { participant, token } = joinAs('participant');

    const rotated = workshops.rotateJoinCode(workshop.id);
    expect(rotated).toEqual({ ...workshop, joinCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/) });
    expect(rotated?.joinCode).not.toBe(workshop.joinCode);
    expect(rotated?.joinCode).not.toBe(other.joinCode);

    expect(workshops.getByJoinCode(workshop.joinCode)).toBeNull();
    expect(workshops.getByJoinCode(rotated?.joinCode ?? '')?.id).toBe(workshop.id);
    expect(workshops.get(workshop.id)?.joinCode).toBe(rotated?.joinCode);
    expect(workshops.participantByToken(token)?.id).toBe(participant.id);
    expect(workshops.getByJoinCode(other.joinCode)?.id).toBe(other.id);
  });

  it('finds no workshop to change for an unknown id', () => {
    const { workshops } = setup();
    expect(workshops.rotateJoinCode('nope')).toBeNull();
  });
});

describe('SQLite workshop store: former participants of an imported strategy', () => {
  it('lists them after the facilitator with their name and group, removed, as participants', () => {
    const { workshops, workshop } = setup();
    const former = workshops.addFormerParticipants(workshop.id, [
      { name: 'Léa Dubois', group: 'resident' },
      { name: 'Participant·e 2 (séance précédente)', group: 'elected' },
    ]);
    expect(former).toEqual([
      expect.objectContaining({ name: 'Léa Dubois', group: 'resident', role: 'participant' }),
      expect.objectContaining({ group: 'elected', removedAt: expect.any(String) }),
    ]);
    const listed = workshops.participants(workshop.id);
    expect(listed.map((p) => [p.name, p.role, p.removedAt === null])).toEqual([
      ['Camille', 'facilitator', true],
      ['Léa Dubois', 'participant', false],
      ['Participant·e 2 (séance précédente)', 'participant', false],
    ]);
    expect(listed.slice(1)).toEqual(former);
  });

  it('gives them no way in: they cannot be promoted, and removing them again changes nothing', () => {
    const { workshops, workshop } = setup();
    const [lea] = workshops.addFormerParticipants(workshop.id, [{ name: 'Léa', group: 'resident' }]);
    if (!lea) throw new Error('one former participant');
    expect(workshops.setCoFacilitator(workshop.id, lea.id, true)).toEqual(lea);
    expect(workshops.remove(workshop.id, lea.id)).toEqual(lea);
    expect(workshops.participants(workshop.id).find((p) => p.id === lea.id)?.role).toBe('participant');
  });

  it('adds nobody for an empty list', () => {
    const { workshops, workshop } = setup();
    expect(workshops.addFormerParticipants(workshop.id, [])).toEqual([]);
    expect(workshops.participants(workshop.id)).toHaveLength(1);
  });
});

describe('SQLite workshop store: closing joining', () => {
  it('closes and reopens the door, keeps it across a new code, and leaves tokens alone', () => {
    const { workshops, workshop, joinAs } = setup();
    const { token } = joinAs('participant');
    expect(workshop.joiningOpen).toBe(true);

    expect(workshops.setJoiningOpen(workshop.id, false)?.joiningOpen).toBe(false);
    expect(workshops.getByJoinCode(workshop.joinCode)?.joiningOpen).toBe(false);
    // Closing twice is still closed; a new code does not open the door.
    expect(workshops.setJoiningOpen(workshop.id, false)?.joiningOpen).toBe(false);
    const rotated = workshops.rotateJoinCode(workshop.id);
    expect(workshops.getByJoinCode(rotated?.joinCode ?? '')?.joiningOpen).toBe(false);
    expect(workshops.participantByToken(token)).not.toBeNull();

    expect(workshops.setJoiningOpen(workshop.id, true)?.joiningOpen).toBe(true);
    expect(workshops.get(workshop.id)?.joiningOpen).toBe(true);
    expect(workshops.setJoiningOpen('no-such-workshop', false)).toBeNull();
  });
});

describe('SQLite workshop store: personal data', () => {
  it('records the notice acknowledged at join', () => {
    const { workshops, workshop } = setup();
    const notice = { version: 'abc123', acknowledgedAt: '2027-01-02T03:04:05.000Z' };
    const { participant } = workshops.addParticipant({
      workshopId: workshop.id,
      name: 'Léa',
      group: 'resident',
      role: 'participant',
      notice,
    });
    expect(workshops.participants(workshop.id).find((p) => p.id === participant.id)?.notice).toEqual(notice);
  });

  it('erases a name with a label numbered by arrival, revokes the token, and does it once', () => {
    const { workshops, workshop, joinAs } = setup();
    joinAs('participant');
    const { participant, token } = joinAs('observer');
    const label = (n: number) => `Participant·e ${n}`;
    const erased = workshops.erase(workshop.id, participant.id, label);
    expect(erased).toMatchObject({ name: 'Participant·e 3', erasedAt: expect.any(String) });
    expect(erased?.removedAt).toBe(erased?.erasedAt);
    expect(workshops.participantByToken(token)).toBeNull();
    expect(workshops.erase(workshop.id, participant.id, () => 'another')).toEqual(erased);
    expect(workshops.erase(workshop.id, 'nobody', label)).toBeNull();
  });

  it('lists the workshops idle since before a time', () => {
    const { workshops, workshop } = setup();
    workshops.touch(workshop.id, '2027-01-10T00:00:00.000Z');
    expect(workshops.idleBefore('2027-01-09T00:00:00.000Z')).toEqual([]);
    expect(workshops.idleBefore('2027-01-11T00:00:00.000Z')).toEqual([workshop.id]);
  });
});

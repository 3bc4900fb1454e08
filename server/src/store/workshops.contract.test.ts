/**
 * The workshop store's contract, on every backend (docs/scale-out.md, "Store contract suite"):
 * workshops, participants, their roles, removal and erasure, and a creation with its first
 * documents in one transaction.
 */
import { roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { type Backend, type OpenStores, useBackends } from './backends.fixture';
import { seedWorkshopDocs } from './seed';
import { sessionToken } from './strategies';

const backends = useBackends();

const INPUT = {
  title: 'Atelier',
  territory: { name: 'Ornans', kind: 'municipality' },
  locale: 'fr',
  facilitatorName: 'Camille',
} as const;

async function setup(backend: Backend, opened?: OpenStores) {
  const stores = opened ?? (await backend.open());
  const { workshops } = stores;
  const { workshop } = await workshops.create(INPUT);
  const joinAs = (role: 'participant' | 'observer') =>
    workshops.addParticipant({ workshopId: workshop.id, name: 'Léa', group: 'resident', role });
  return { ...stores, workshops, workshop, joinAs };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.each(backends)('workshop store on $name: what is read is what was written', (backend) => {
  it('gives back a workshop and its people exactly as created, times as ISO text, flags as booleans', async () => {
    const { workshops } = await backend.open();
    const created = await workshops.create(INPUT);
    expect(created.workshop.createdAt).toMatch(ISO);
    expect(await workshops.get(created.workshop.id)).toStrictEqual(created.workshop);
    expect(await workshops.getByJoinCode(created.workshop.joinCode)).toStrictEqual(created.workshop);
    expect(await workshops.participantByToken(created.token)).toStrictEqual(created.facilitator);
    expect(await workshops.participants(created.workshop.id)).toStrictEqual([created.facilitator]);
    const notice = { version: 'abc123', acknowledgedAt: '2027-01-02T03:04:05.678Z' };
    const joined = await workshops.addParticipant({
      workshopId: created.workshop.id,
      name: 'Léa',
      group: 'resident',
      role: 'observer',
      notice,
    });
    expect(await workshops.participantByToken(joined.token)).toStrictEqual(joined.participant);
    const removed = await workshops.remove(created.workshop.id, joined.participant.id);
    expect(removed?.removedAt).toMatch(ISO);
    expect((await workshops.participants(created.workshop.id))[1]).toStrictEqual(removed);
    const closed = await workshops.setJoiningOpen(created.workshop.id, false);
    expect(closed).toStrictEqual({ ...created.workshop, joiningOpen: false });
    expect(await workshops.get(created.workshop.id)).toStrictEqual(closed);
  });

  it('lists people in the order they joined, even within one millisecond', async () => {
    const { workshops, workshop } = await setup(backend);
    const names = Array.from({ length: 20 }, (_, i) => `Personne ${i + 1}`);
    for (const name of names)
      await workshops.addParticipant({
        workshopId: workshop.id,
        name,
        group: 'resident',
        role: 'participant',
      });
    expect((await workshops.participants(workshop.id)).map((p) => p.name)).toEqual(['Camille', ...names]);
  });

  it('says nothing of a workshop, a code or a token it does not know', async () => {
    const { workshops } = await backend.open();
    expect(await workshops.get('nope')).toBeNull();
    expect(await workshops.getByJoinCode('ZZZZZZ')).toBeNull();
    expect(await workshops.participantByToken('nope')).toBeNull();
    expect(await workshops.participants('nope')).toEqual([]);
  });
});

describe.each(backends)('workshop store on $name: removing and promoting people', (backend) => {
  it('refuses a removed participant’s token but keeps them in the list, marked removed', async () => {
    const { workshops, workshop, joinAs } = await setup(backend);
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
    const { workshops, workshop, joinAs } = await setup(backend);
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
    const opened = await setup(backend);
    const { workshops, joinAs } = opened;
    const { participant } = await joinAs('participant');
    const other = (await setup(backend, opened)).workshop;
    expect(await workshops.remove(other.id, participant.id)).toBeNull();
    expect(await workshops.setCoFacilitator(other.id, participant.id, true)).toBeNull();
  });
});

describe.each(backends)('workshop store on $name: a new join code', (backend) => {
  it('replaces the code at once, keeps every token, and leaves other workshops alone', async () => {
    const { workshops, workshop, joinAs } = await setup(backend);
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
    const { workshops } = await setup(backend);
    expect(await workshops.rotateJoinCode('nope')).toBeNull();
  });
});

describe.each(backends)('workshop store on $name: former participants of an imported strategy', (backend) => {
  it('lists them after the facilitator with their name and group, removed, as participants', async () => {
    const { workshops, workshop } = await setup(backend);
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
    const { workshops, workshop } = await setup(backend);
    const [lea] = await workshops.addFormerParticipants(workshop.id, [{ name: 'Léa', group: 'resident' }]);
    if (!lea) throw new Error('one former participant');
    expect(await workshops.setCoFacilitator(workshop.id, lea.id, true)).toEqual(lea);
    expect(await workshops.remove(workshop.id, lea.id)).toEqual(lea);
    expect((await workshops.participants(workshop.id)).find((p) => p.id === lea.id)?.role).toBe(
      'participant',
    );
  });

  it('adds nobody for an empty list', async () => {
    const { workshops, workshop } = await setup(backend);
    expect(await workshops.addFormerParticipants(workshop.id, [])).toEqual([]);
    expect(await workshops.participants(workshop.id)).toHaveLength(1);
  });
});

describe.each(backends)('workshop store on $name: closing joining', (backend) => {
  it('closes and reopens the door, keeps it across a new code, and leaves tokens alone', async () => {
    const { workshops, workshop, joinAs } = await setup(backend);
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

describe.each(backends)('workshop store on $name: personal data', (backend) => {
  it('records the notice acknowledged at join', async () => {
    const { workshops, workshop } = await setup(backend);
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
    const { workshops, workshop, joinAs } = await setup(backend);
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

  it('numbers an erased person by arrival, after former participants added together in the order given', async () => {
    const { workshops, workshop, joinAs } = await setup(backend);
    const people = Array.from({ length: 5 }, (_, i) => ({
      name: `Ancien ${i + 1}`,
      group: 'resident' as const,
    }));
    const former = await workshops.addFormerParticipants(workshop.id, people);
    expect(former.map((p) => p.name)).toEqual(people.map((p) => p.name));
    expect((await workshops.participants(workshop.id)).map((p) => p.name)).toEqual([
      'Camille',
      ...people.map((p) => p.name),
    ]);
    const { participant } = await joinAs('participant');
    const label = (n: number) => `Participant·e ${n}`;
    expect((await workshops.erase(workshop.id, participant.id, label))?.name).toBe('Participant·e 7');
    expect((await workshops.erase(workshop.id, former[3]?.id ?? '', label))?.name).toBe('Participant·e 5');
  });

  it('lists the workshops idle since before a time', async () => {
    const { workshops, workshop } = await setup(backend);
    await workshops.touch(workshop.id, '2027-01-10T00:00:00.000Z');
    expect(await workshops.idleBefore('2027-01-09T00:00:00.000Z')).toEqual([]);
    expect(await workshops.idleBefore('2027-01-11T00:00:00.000Z')).toEqual([workshop.id]);
    // Activity recorded late (an earlier time) never moves it backwards.
    await workshops.touch(workshop.id, '2027-01-05T00:00:00.000Z');
    expect(await workshops.idleBefore('2027-01-09T00:00:00.000Z')).toEqual([]);
    expect((await workshops.get(workshop.id))?.lastActiveAt).toBe('2027-01-10T00:00:00.000Z');
  });
});

describe.each(backends)('creating a workshop through Storage.withTransaction on $name', (backend) => {
  it('commits its rows and its first documents together, or none of them', async () => {
    const { storage, workshops, docs } = await backend.open();
    let failedId = '';
    let failedToken = '';
    await expect(
      storage.withTransaction(async (tx) => {
        const made = await tx.workshops.create(INPUT);
        failedId = made.workshop.id;
        failedToken = made.token;
        await seedWorkshopDocs(tx.docs, failedId);
        throw new Error('a later step of the creation failed');
      }),
    ).rejects.toThrow('a later step');
    expect(await workshops.get(failedId)).toBeNull();
    expect(await workshops.participantByToken(failedToken)).toBeNull();
    expect((await docs.load(roomName(failedId, 'control'))).updates).toEqual([]);

    const created = await storage.withTransaction(async (tx) => {
      const made = await tx.workshops.create(INPUT);
      await tx.workshops.addFormerParticipants(made.workshop.id, [{ name: 'Noé', group: 'elected' }]);
      await seedWorkshopDocs(tx.docs, made.workshop.id);
      return made;
    });
    expect(await workshops.participantByToken(created.token)).toEqual(created.facilitator);
    expect((await workshops.participants(created.workshop.id)).map((p) => p.name)).toEqual([
      'Camille',
      'Noé',
    ]);
    for (const kind of ['control', 'board'] as const)
      expect((await docs.load(roomName(created.workshop.id, kind))).updates).toHaveLength(1);
  });

  it('leaves nothing of people added in a transaction that failed, and keeps the workshop made before', async () => {
    const { storage, workshops } = await backend.open();
    const { workshop } = await workshops.create(INPUT);
    await expect(
      storage.withTransaction(async (tx) => {
        await tx.workshops.addParticipant({
          workshopId: workshop.id,
          name: 'Léa',
          group: 'resident',
          role: 'participant',
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await workshops.participants(workshop.id)).map((p) => p.name)).toEqual(['Camille']);
  });
});

describe('the same records from every backend', () => {
  /** One workshop's life through the workshop and strategy stores: every record they answered. */
  async function story(stores: OpenStores): Promise<unknown[]> {
    const { workshops, strategies } = stores;
    const seen: unknown[] = [];
    const note = <T>(value: T): T => {
      seen.push(value);
      return value;
    };
    const created = note(await workshops.create(INPUT));
    const id = created.workshop.id;
    const joined = note(
      await workshops.addParticipant({
        workshopId: id,
        name: 'Léa',
        group: 'resident',
        role: 'observer',
        notice: { version: 'v1', acknowledgedAt: '2027-01-02T03:04:05.678Z' },
      }),
    );
    note(await workshops.addFormerParticipants(id, [{ name: 'Noé', group: 'elected' }]));
    note(await workshops.setCoFacilitator(id, joined.participant.id, true));
    note(await workshops.setJoiningOpen(id, false));
    note(await workshops.erase(id, joined.participant.id, (n) => `Participant·e ${n}`));
    note(await workshops.participants(id));
    const { strategy, token } = note(
      await strategies.create({ title: 'Val Vert', territory: INPUT.territory, locale: 'fr' }),
    );
    note(
      await strategies.addSession({
        strategyId: strategy.id,
        strategyToken: token,
        workshopId: id,
        facilitatorId: created.facilitator.id,
        date: '2027-04-01',
      }),
    );
    note(await strategies.setArchived(strategy.id, true));
    note(await workshops.get(id));
    note(await strategies.sessions(strategy.id));
    note(await workshops.participantByToken(sessionToken(token, id)));
    return seen;
  }

  /**
   * Ids, tokens and ISO times replaced by what they are, in order of appearance; anything that
   * is not JSON's (a `Date`, `undefined`) kept apart: what is left must match.
   */
  function shape(records: unknown[]): unknown {
    const names = new Map<string, string>();
    const walk = (value: unknown, key: string): unknown => {
      if (Array.isArray(value)) return value.map((item) => walk(item, key));
      if (value instanceof Date) return 'a Date, not ISO text';
      if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
      if (typeof value !== 'string') return value;
      if (ISO.test(value)) return 'time';
      if (/^(id|workshopId|facilitatorId|strategyId|strategyFacilitatorId|token|joinCode)$/.test(key)) {
        if (!names.has(value)) names.set(value, `${key}#${names.size}`);
        return names.get(value);
      }
      return value;
    };
    return walk(records, '');
  }

  it('answers each call of a workshop’s life with the same record on SQLite and on PostgreSQL', async () => {
    const [sqlite, postgres] = await Promise.all(
      backends.map(async (backend) => story(await backend.open())),
    );
    expect(shape(postgres ?? [])).toStrictEqual(shape(sqlite ?? []));
    // Not vacuous: the records hold typed values where the backends differ (timestamps, flags).
    expect(JSON.stringify(sqlite)).toContain('"joiningOpen":false');
    expect(JSON.stringify(sqlite)).toContain('"strategyArchived":true');
  });
});

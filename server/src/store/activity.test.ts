import { describe, expect, it } from 'vitest';
import { createActivityTracker } from './activity';
import { openDb } from './db';
import { useTempDirs } from './temp-dirs';
import { createSqliteWorkshopStore } from './workshops';

const tempDir = useTempDirs('atelier-activity-');
async function setup() {
  const dir = tempDir();
  const workshops = createSqliteWorkshopStore(openDb(dir));
  const { workshop } = await workshops.create({
    title: 'Atelier',
    territory: { name: 'Ornans', kind: 'municipality' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  return { workshops, workshop };
}

describe('workshop activity', () => {
  it('starts at creation and records later activity, at most once per interval', async () => {
    const { workshops, workshop } = await setup();
    expect(workshop.lastActiveAt).toBe(workshop.createdAt);
    let clock = Date.parse('2030-01-01T10:00:00Z');
    const activity = createActivityTracker(workshops, { everyMs: 60_000, now: () => clock });

    activity.seen(workshop.id);
    expect((await workshops.get(workshop.id))?.lastActiveAt).toBe('2030-01-01T10:00:00.000Z');
    clock += 30_000;
    activity.seen(workshop.id);
    expect((await workshops.get(workshop.id))?.lastActiveAt).toBe('2030-01-01T10:00:00.000Z');
    clock += 31_000;
    activity.seen(workshop.id);
    expect((await workshops.get(workshop.id))?.lastActiveAt).toBe('2030-01-01T10:01:01.000Z');
  });

  it('never moves the time backwards', async () => {
    const { workshops, workshop } = await setup();
    await workshops.touch(workshop.id, '2030-01-01T10:00:00.000Z');
    await workshops.touch(workshop.id, '2029-01-01T10:00:00.000Z');
    expect((await workshops.get(workshop.id))?.lastActiveAt).toBe('2030-01-01T10:00:00.000Z');
  });
});

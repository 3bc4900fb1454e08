import { randomUUID } from 'node:crypto';
import { type ParticipantGroup, readRound, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { connectDoc, type Person, useServer, waitDoc } from './harness';
import { ok, openDotsRound, votingWorkshop } from './votes-api';

const server = useServer();

const PEOPLE = 45;
const GROUPS: ParticipantGroup[] = ['resident', 'elected', 'business', 'association'];
const ISSUES = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id: `issue-${id}`, title: `Enjeu ${id}` }));
const targetAt = (i: number) => ISSUES[i % ISSUES.length]?.id ?? '';

/**
 * Person i's whole budget of 3 dots, as separate changes: every third person puts 2 on one
 * issue and 1 on the next, the others 1 on each of three issues.
 */
function plan(i: number): Record<string, number>[] {
  if (i % 3 === 0) return [{ [targetAt(i)]: 2 }, { [targetAt(i + 1)]: 1 }];
  return [{ [targetAt(i)]: 1 }, { [targetAt(i + 1)]: 1 }, { [targetAt(i + 2)]: 1 }];
}

describe('45 people voting at the same moment', () => {
  it('counts every dot exactly once: ballots, progress and the published results agree', async () => {
    const cast = Object.fromEntries(
      Array.from({ length: PEOPLE }, (_, i) => [
        `p${i}`,
        { name: `Votant ${i + 1}`, group: GROUPS[i % GROUPS.length] ?? 'other' } satisfies Person,
      ]),
    ) as Record<string, Person>;
    const joined = await votingWorkshop(server, cast, ISSUES);
    const people = Array.from({ length: PEOPLE }, (_, i) => joined[`p${i}`]).filter((p) => p !== undefined);
    const { fanny, votes } = joined;
    const round = await openDotsRound(joined);

    // Every change of everyone in one burst; every fifth person's first change is also sent twice.
    const requests = people.flatMap((person, i) =>
      plan(i).flatMap((dots, k) => {
        const requestId = randomUUID();
        const send = () =>
          votes.cast(person.token, round.id, person.participantId, { requestId, dots }).then((a) => a.status);
        return i % 5 === 0 && k === 0 ? [send(), send()] : [send()];
      }),
    );
    const statuses = await Promise.all(requests);
    const duplicates = people.filter((_, i) => i % 5 === 0).length;
    expect(statuses.filter((s) => s === 200)).toHaveLength(statuses.length - duplicates);
    expect(statuses.filter((s) => s === 409)).toHaveLength(duplicates);

    // Each ballot is exactly the sum of its person's changes.
    for (const [i, person] of people.entries()) {
      const ballot = ok(await votes.ballot(person.token, round.id, person.participantId));
      expect(ballot.dots).toEqual(Object.assign({}, ...plan(i)));
      expect(ballot).toMatchObject({ used: 3, remaining: 0 });
    }
    const progress = ok(await votes.progress(fanny, round.id));
    expect(progress).toMatchObject({ voted: PEOPLE, done: PEOPLE, dotsLeft: 0 });
    expect(progress.voters).toHaveLength(PEOPLE);

    const fannyControl = await connectDoc(server.wsUrl, roomName(joined.workshop.id, 'control'), fanny);
    ok(await votes.act(fanny, round.id, 'reveal'));
    await waitDoc(
      fannyControl,
      (d) => readRound(d, round.id)?.state === 'revealed',
      'the results to be published',
    );
    const results = readRound(fannyControl.doc, round.id)?.results;

    // What the ballots add up to, target by target and group by group.
    const totals = new Map<string, number>();
    const voters = new Map<string, number>();
    const byGroup = new Map<string, Map<string, number>>();
    for (const i of people.keys()) {
      const group = cast[`p${i}`]?.group ?? 'other';
      const groupTotals = byGroup.get(group) ?? new Map<string, number>();
      byGroup.set(group, groupTotals);
      for (const [target, n] of Object.entries(Object.assign({}, ...plan(i)) as Record<string, number>)) {
        totals.set(target, (totals.get(target) ?? 0) + n);
        voters.set(target, (voters.get(target) ?? 0) + 1);
        groupTotals.set(target, (groupTotals.get(target) ?? 0) + n);
      }
    }
    expect(results?.voters).toBe(PEOPLE);
    expect([...(results?.targets ?? [])].map((t) => t.total).reduce((a, b) => a + b, 0)).toBe(3 * PEOPLE);
    for (const target of results?.targets ?? []) {
      expect(target.total, target.targetId).toBe(totals.get(target.targetId) ?? 0);
      expect(target.voters, target.targetId).toBe(voters.get(target.targetId) ?? 0);
    }
    expect(results?.byGroup.map((g) => g.group).sort()).toEqual([...GROUPS].sort());
    for (const group of results?.byGroup ?? []) {
      for (const [target, total] of Object.entries(group.totals)) {
        expect(total, `${group.group} ${target}`).toBe(byGroup.get(group.group)?.get(target) ?? 0);
      }
    }
  });
});

import { roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { INTEREST_FROM_PEOPLE, NEAREST_CURSORS } from '../src/sync/interest';
import { connectDoc, createWorkshop, type DocClient, join, useServer, waitFor } from './harness';

const server = useServer();

/** Stock clients in batches (joins and syncs), so the test does not open them all at once. */
async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, k) => make(start + k));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

const cursorIds = (c: DocClient) =>
  [...c.awareness.getStates()]
    .filter(([id, s]) => id !== c.doc.clientID && (s as { cursor?: unknown }).cursor)
    .map(([id]) => id)
    .sort((a, b) => a - b);

describe('interest management (docs/contract.md, "Sync")', () => {
  it('past the threshold, a stock client lists everyone but draws only the nearest cursors and the facilitator’s', async () => {
    const workshop = await createWorkshop(server.url);
    const room = roomName(workshop.id, 'board');
    const count = INTEREST_FROM_PEOPLE + 2;
    const tokens = await inBatches(count, (i) =>
      join(server.url, workshop.joinCode, { name: `P${i}`, group: 'resident' }).then((j) => j.token),
    );
    // Person i's pointer at x = 100·i: person 0's nearest are 1…25.
    const people = await inBatches(count, (i) =>
      connectDoc(server.wsUrl, room, tokens[i] ?? '', { awarenessState: { cursor: { x: 100 * i, y: 0 } } }),
    );
    const facilitator = await connectDoc(server.wsUrl, room, workshop.facilitatorToken, {
      awarenessState: { cursor: { x: 1e6, y: 0 } },
    });
    const [watcher] = people as [DocClient];
    const idOf = (c: DocClient) => c.doc.clientID;
    const expected = [...people.slice(1, 1 + NEAREST_CURSORS).map(idOf), idOf(facilitator)].sort(
      (a, b) => a - b,
    );

    // Cursors show and hide with their owners' next moves: everyone moves a little, every 100 ms.
    let movedAt = 0;
    let step = 0;
    const moveAll = () => {
      if (Date.now() - movedAt < 100) return;
      movedAt = Date.now();
      step++;
      for (const [i, c] of people.entries())
        c.awareness.setLocalStateField('cursor', { x: 100 * i + (step % 2), y: 0 });
      facilitator.awareness.setLocalStateField('cursor', { x: 1e6 + (step % 2), y: 0 });
    };
    await waitFor(() => {
      moveAll();
      return JSON.stringify(cursorIds(watcher)) === JSON.stringify(expected);
    }, 'person 0 to draw exactly the 25 nearest cursors and the facilitator’s');

    // Everyone is still listed (names and colours travel without the pointer).
    const listed = new Set(watcher.awareness.getStates().keys());
    for (const c of [...people, facilitator]) expect(listed.has(idOf(c))).toBe(true);
    for (const c of [...people, facilitator]) c.destroy();
  }, 60_000);
});

/**
 * The purge's contract, on every backend (docs/scale-out.md, "Store contract suite"): a
 * workshop's deletion leaves no row of it in any table of the schema, and nothing of another.
 */
import { draftsRoomName, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { type OpenStores, useBackends } from './backends.fixture';

const backends = useBackends();

const tagged = (text: string): Uint8Array => new TextEncoder().encode(text);
const MINUTE = Date.parse('2030-03-01T14:32:00Z');

/** A workshop with something in every table: documents of each room kind (one compacted), people, a round, the journal. */
async function fill(stores: OpenStores, id: string, people: readonly string[]): Promise<void> {
  await stores.addWorkshop(
    id,
    people.map((p) => [p, 'resident']),
  );
  const [first = ''] = people;
  for (const doc of [roomName(id, 'board'), roomName(id, 'control'), draftsRoomName(id, first)])
    await stores.docs.append(doc, [tagged('un'), tagged('deux')]);
  const upto = await stores.docs.append(roomName(id, 'board'), [tagged('trois')]);
  await stores.docs.compact(roomName(id, 'board'), tagged('état'), upto);
  await stores.addRound(`${id}-round`, id, first);
  await stores.journal.write([
    {
      workshopId: id,
      participantId: first,
      collection: 'notes',
      item: 'n1',
      field: 'text',
      minute: MINUTE,
      alone: false,
    },
  ]);
}

/** The rows that name one of `ids` (a workshop's, its people's, its rounds'), by table; tables with none left out. */
function naming(rows: Record<string, Record<string, unknown>[]>, ids: readonly string[]) {
  const mentions = (row: Record<string, unknown>) =>
    Object.values(row).some((value) => typeof value === 'string' && ids.some((id) => value.includes(id)));
  return Object.fromEntries(
    Object.entries(rows)
      .map(([table, all]) => [table, all.filter(mentions)] as const)
      .filter(([, found]) => found.length > 0),
  );
}

describe.each(backends)('purge on $name', (backend) => {
  it('deletes a workshop leaving no row of it in any table, and every row of another as it was', async () => {
    const stores = await backend.open();
    const [gone, kept] = [
      ['w-gone', 'p-gone-1', 'p-gone-2'],
      ['w-kept', 'p-kept-1'],
    ] as const;
    await fill(stores, gone[0], gone.slice(1));
    await fill(stores, kept[0], kept.slice(1));
    const before = await stores.rows();
    const named = naming(before, gone);
    // The filling reached every table a workshop has rows in.
    expect(Object.keys(named).sort()).toEqual(
      [
        'doc_snapshots',
        'doc_updates',
        'edit_journal',
        'participants',
        'vote_ballots',
        'vote_entries',
        'vote_requests',
        'vote_rounds',
        'workshops',
        ...(backend.name === 'postgres' ? ['doc_heads'] : []),
      ].sort(),
    );

    expect(await stores.purge.deleteWorkshop(gone[0])).toBe(true);
    expect(await stores.purge.scrub()).toEqual({ busy: false });
    const after = await stores.rows();
    expect(naming(after, gone)).toEqual({});
    expect(naming(after, kept)).toEqual(naming(before, kept));
    expect(await stores.docs.load(roomName(gone[0], 'board'))).toEqual({
      snapshot: null,
      updates: [],
      lastSeq: 0,
    });
    expect(await stores.purge.deleteWorkshop(gone[0])).toBe(false);
  });

  it('does not take a workshop whose id another begins with', async () => {
    const stores = await backend.open();
    await fill(stores, 'w1', ['p1']);
    await fill(stores, 'w10', ['p10']);
    await stores.purge.deleteWorkshop('w1');
    expect((await stores.docs.load('w10')).snapshot).not.toBeNull();
    expect((await stores.docs.load('w10/control')).updates).toHaveLength(2);
    expect(await stores.workshops.participants('w10')).toHaveLength(1);
  });

  it('deletes one document’s log and snapshot, and numbers its later updates on', async () => {
    const stores = await backend.open();
    await fill(stores, 'w1', ['p1']);
    const drafts = draftsRoomName('w1', 'p1');
    const last = (await stores.docs.load(drafts)).lastSeq;
    await stores.docs.compact(drafts, tagged('brouillons'), last);
    await stores.purge.deleteDoc(drafts);
    expect(await stores.docs.load(drafts)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    expect((await stores.docs.load('w1/control')).updates).toHaveLength(2);
    expect(await stores.docs.append(drafts, [tagged('après')])).toBeGreaterThan(last);
    expect(await stores.purge.scrub()).toEqual({ busy: false });
  });
});

/**
 * PostgreSQL's turn in one statement (`pg/turn.ts`): the numbers it takes are the ones the
 * documents' appends take, its journal rows are the journal's, and it is all or nothing.
 */
import { describe, expect, it } from 'vitest';
import type { JournalRow } from '../journal';
import { usePgStorage } from './pg-storage.fixture';

const openStorage = usePgStorage();
const storage = async () => (await openStorage()).stores;

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (update: Uint8Array) => new TextDecoder().decode(update);

async function workshop(stores: Awaited<ReturnType<typeof storage>>) {
  const { workshop } = await stores.workshops.create({
    title: 'Atelier de Léa',
    territory: { name: 'Ornans', kind: 'municipality' },
    locale: 'fr',
    facilitatorName: 'Camille',
  });
  const lea = await stores.workshops.addParticipant({
    workshopId: workshop.id,
    name: 'Léa',
    group: 'resident',
    role: 'participant',
  });
  return { id: workshop.id, lea: lea.participant.id };
}

const edit = (workshopId: string, participantId: string, item: string): JournalRow => ({
  workshopId,
  participantId,
  collection: 'notes',
  item,
  field: 'text',
  minute: 60_000 * 29_000_000,
  alone: false,
});

describe('PostgreSQL’s turn in one statement', () => {
  it('numbers each document’s updates after what was appended before, and writes the journal rows with them', async () => {
    const stores = await storage();
    const w = await workshop(stores);
    await stores.docs.append(w.id, [bytes('a'), bytes('b')]);
    const lastSeqs = await stores.writeTurn([
      { doc: w.id, updates: [bytes('c'), bytes('d')], journal: [edit(w.id, w.lea, 'n1')] },
      { doc: `${w.id}/control`, updates: [bytes('x')], journal: [] },
    ]);
    expect(lastSeqs).toEqual(
      new Map([
        [w.id, 4],
        [`${w.id}/control`, 1],
      ]),
    );
    expect(await stores.docs.append(w.id, [bytes('e')])).toBe(5);
    expect((await stores.docs.load(w.id)).updates.map(text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await stores.docs.load(`${w.id}/control`)).updates.map(text)).toEqual(['x']);
    const journal = await stores.journal.read(w.id);
    expect(journal).toEqual([
      expect.objectContaining({ item: 'n1', field: 'text', participant: w.lea, group: 'resident' }),
    ]);
  });

  it('stores nothing of a turn whose journal cannot be written (its workshop is gone)', async () => {
    const stores = await storage();
    const w = await workshop(stores);
    await expect(
      stores.writeTurn([
        { doc: w.id, updates: [bytes('a')], journal: [edit('a-workshop-deleted-meanwhile', w.lea, 'n1')] },
      ]),
    ).rejects.toMatchObject({ code: '23503' });
    expect((await stores.docs.load(w.id)).updates).toEqual([]);
    expect(await stores.docs.append(w.id, [bytes('b')])).toBe(1);
  });

  it('answers a turn with nothing to store without a statement', async () => {
    const stores = await storage();
    expect(await stores.writeTurn([])).toEqual(new Map());
  });
});

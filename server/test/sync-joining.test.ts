import { addNote, readNotes, roomName } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { connectDoc, createWorkshop, openDoc, useServer, waitDoc, waitFor } from './harness';

const server = useServer();

describe('joining a room', () => {
  // The server answers from a cached encode plus the updates since: a client that counted
  // itself synced before those updates showed (and fitted its view to) a partial board.
  it('holds every note already posted at the moment it counts itself synced', async () => {
    const workshop = await createWorkshop(server.url);
    const room = roomName(workshop.id, 'board');
    const writer = await connectDoc(server.wsUrl, room, workshop.facilitatorToken);
    for (let i = 0; i < 30; i++)
      addNote(writer.doc, { id: `n${i}`, x: i * 10, y: 0, author: 'p1', text: `${i}` });
    const watcher = await connectDoc(server.wsUrl, room, workshop.facilitatorToken);
    await waitDoc(watcher, (doc) => readNotes(doc).length === 30, 'the 30 notes to reach a first reader');

    const joiner = openDoc(server.wsUrl, room, workshop.facilitatorToken);
    let notesWhenSynced: number | null = null;
    joiner.provider.on('sync', (synced: boolean) => {
      if (synced && notesWhenSynced === null) notesWhenSynced = readNotes(joiner.doc).length;
    });
    await waitFor(() => notesWhenSynced !== null, 'the joiner to sync');
    expect(notesWhenSynced).toBe(30);
    for (const c of [writer, watcher, joiner]) c.destroy();
  });
});

import { addNote } from '@atelier/shared';
import * as Y from 'yjs';

/** Id of the note client `index` of a room moves (each client moves its own note). */
export function noteIdOf(index: number): string {
  return `bench-note-${index}`;
}

/** Index of the client a bench note belongs to, or -1 for other notes. */
export function ownerOfNote(id: string): number {
  return id.startsWith('bench-note-') ? Number(id.slice('bench-note-'.length)) : -1;
}

/**
 * A room's starting board as one Yjs update: one real Atelier note per client (made with
 * @atelier/shared's addNote, so the structure is the app's). Every client of the room starts
 * from these same bytes, so it holds valid notes to move on every server, the relay included
 * (which stores nothing); the first client's sync hands them to servers that store. With
 * `tableOf`, note `i` belongs to table `tableOf[i]` (the tables scenario).
 */
export function seedUpdate(
  clients: number,
  author = 'bench',
  tableOf: readonly (string | null)[] = [],
): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < clients; i++) {
    addNote(doc, {
      id: noteIdOf(i),
      x: (i % 10) * 220,
      y: Math.floor(i / 10) * 160,
      author,
      text: `Idée ${i + 1} : une navette entre les bourgs les jours de marché`,
      table: tableOf[i] ?? null,
      now: 0,
    });
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A fresh document holding a room's seed. */
export function docFromSeed(seed: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seed);
  return doc;
}

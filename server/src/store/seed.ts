import {
  type ContinueOptions,
  continueSession,
  roomName,
  seedBoard,
  seedControl,
  type WorkshopTemplate,
} from '@atelier/shared';
import * as Y from 'yjs';
import type { DocStore } from './docs';

/**
 * Where a new workshop's first documents are appended: the creation's `tx.docs`
 * (`Storage.withTransaction`), so that the workshop's rows and its documents commit together.
 */
export type SeedAppender = Pick<DocStore, 'append'>;

/**
 * Writes the first update of a new workshop's documents (layout version, step, themes),
 * so the first client to connect finds them exactly as every later one will.
 */
export function seedWorkshopDocs(
  docs: SeedAppender,
  workshopId: string,
  template: WorkshopTemplate = 'full',
): Promise<void> {
  const control = new Y.Doc();
  seedControl(control, template);
  const board = new Y.Doc();
  seedBoard(board);
  return appendFirstUpdates(docs, workshopId, { board, control });
}

/**
 * The same for a workshop seeded from an imported strategy, whose first updates were made in
 * the import's worker thread (import/seed-plan.ts, `planSeed`).
 */
export async function seedImportedDocs(
  docs: SeedAppender,
  workshopId: string,
  updates: { board: Uint8Array; control: Uint8Array },
): Promise<void> {
  for (const kind of ['control', 'board'] as const)
    await docs.append(roomName(workshopId, kind), [updates[kind]]);
}

/**
 * The same for a strategy's new session, from an earlier session's documents (`source`, read
 * from its rooms): see `continueSession`.
 */
export function seedContinuedDocs(
  docs: SeedAppender,
  workshopId: string,
  source: { board: Y.Doc; control: Y.Doc },
  options: ContinueOptions,
): Promise<void> {
  const board = new Y.Doc();
  const control = new Y.Doc();
  continueSession(source, { board, control }, options);
  return appendFirstUpdates(docs, workshopId, { board, control });
}

function appendFirstUpdates(
  docs: SeedAppender,
  workshopId: string,
  seeded: { board: Y.Doc; control: Y.Doc },
): Promise<void> {
  return seedImportedDocs(docs, workshopId, {
    board: Y.encodeStateAsUpdate(seeded.board),
    control: Y.encodeStateAsUpdate(seeded.control),
  });
}

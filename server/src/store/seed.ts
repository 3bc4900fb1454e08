import {
  type ContinueOptions,
  continueSession,
  roomName,
  type Strategy,
  seedBoard,
  seedControl,
  type WorkshopTemplate,
  type WriteStrategyOptions,
  writeStrategy,
} from '@atelier/shared';
import * as Y from 'yjs';
/**
 * Appends a document's first updates inside the creation's synchronous SQLite transaction
 * (`sqliteDocAppender`), so that the workshop's rows and its documents commit together.
 */
export type SeedAppender = (doc: string, updates: readonly Uint8Array[]) => void;

/**
 * Writes the first update of a new workshop's documents (layout version, step, themes),
 * so the first client to connect finds them exactly as every later one will.
 */
export function seedWorkshopDocs(
  append: SeedAppender,
  workshopId: string,
  template: WorkshopTemplate = 'full',
): void {
  const control = new Y.Doc();
  seedControl(control, template);
  const board = new Y.Doc();
  seedBoard(board);
  appendFirstUpdates(append, workshopId, { board, control });
}

/** The same for a workshop seeded from an imported strategy (see `writeStrategy`). */
export function seedImportedDocs(
  append: SeedAppender,
  workshopId: string,
  strategy: Strategy,
  options: WriteStrategyOptions,
): void {
  const board = new Y.Doc();
  const control = new Y.Doc();
  writeStrategy(board, control, strategy, options);
  appendFirstUpdates(append, workshopId, { board, control });
}

/**
 * The same for a strategy's new session, from an earlier session's documents (`source`, read
 * from its rooms): see `continueSession`.
 */
export function seedContinuedDocs(
  append: SeedAppender,
  workshopId: string,
  source: { board: Y.Doc; control: Y.Doc },
  options: ContinueOptions,
): void {
  const board = new Y.Doc();
  const control = new Y.Doc();
  continueSession(source, { board, control }, options);
  appendFirstUpdates(append, workshopId, { board, control });
}

function appendFirstUpdates(
  append: SeedAppender,
  workshopId: string,
  seeded: { board: Y.Doc; control: Y.Doc },
) {
  for (const kind of ['control', 'board'] as const)
    append(roomName(workshopId, kind), [Y.encodeStateAsUpdate(seeded[kind])]);
}

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
import type { DocStore } from './docs';

/**
 * Writes the first update of a new workshop's documents (layout version, step, themes),
 * so the first client to connect finds them exactly as every later one will.
 */
export function seedWorkshopDocs(
  docs: DocStore,
  workshopId: string,
  template: WorkshopTemplate = 'full',
): void {
  const control = new Y.Doc();
  seedControl(control, template);
  const board = new Y.Doc();
  seedBoard(board);
  appendFirstUpdates(docs, workshopId, { board, control });
}

/** The same for a workshop seeded from an imported strategy (see `writeStrategy`). */
export function seedImportedDocs(
  docs: DocStore,
  workshopId: string,
  strategy: Strategy,
  options: WriteStrategyOptions,
): void {
  const board = new Y.Doc();
  const control = new Y.Doc();
  writeStrategy(board, control, strategy, options);
  appendFirstUpdates(docs, workshopId, { board, control });
}

/**
 * The same for a strategy's new session, from an earlier session's documents (`source`, read
 * from its rooms): see `continueSession`.
 */
export function seedContinuedDocs(
  docs: DocStore,
  workshopId: string,
  source: { board: Y.Doc; control: Y.Doc },
  options: ContinueOptions,
): void {
  const board = new Y.Doc();
  const control = new Y.Doc();
  continueSession(source, { board, control }, options);
  appendFirstUpdates(docs, workshopId, { board, control });
}

function appendFirstUpdates(docs: DocStore, workshopId: string, seeded: { board: Y.Doc; control: Y.Doc }) {
  for (const kind of ['control', 'board'] as const)
    docs.append(roomName(workshopId, kind), [Y.encodeStateAsUpdate(seeded[kind])]);
}

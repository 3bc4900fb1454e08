import { roomName, seedBoard, seedControl, type WorkshopTemplate } from '@atelier/shared';
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
  docs.append(roomName(workshopId, 'control'), [Y.encodeStateAsUpdate(control)]);
  const board = new Y.Doc();
  seedBoard(board);
  docs.append(roomName(workshopId, 'board'), [Y.encodeStateAsUpdate(board)]);
}

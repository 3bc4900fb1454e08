import type { BoardNote } from './types';

/** A board note for unit tests: every field set, any of them given. */
export function boardNote(id: string, fields: Partial<BoardNote> = {}): BoardNote {
  return {
    id,
    text: '',
    x: 0,
    y: 0,
    theme: null,
    author: 'p1',
    createdAt: 0,
    z: 0,
    cluster: null,
    order: 'a',
    table: null,
    layer: 1,
    ...fields,
  };
}

import { addNote, moveNote, readNotes } from '@atelier/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldUpdates, updateFrame, updateIn } from './foldUpdates';
import type { SocketEvent } from './socketHub';

/**
 * Someone else's edits, each as the update frame the server would relay: a note added, then
 * moved `count` times (to x = 10, 20…).
 */
function remoteMoves(count: number): { frames: ArrayBuffer[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const frames: ArrayBuffer[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
  addNote(doc, { id: 'n1', x: 0, y: 0, author: 'them', now: 0 });
  for (let i = 1; i <= count; i++) moveNote(doc, 'n1', { x: i * 10, y: 0 }, i);
  return { frames, doc };
}

/** Each note's x, by id: what the edits leave on the board. */
function xs(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries(readNotes(doc).map((note) => [note.id, note.x]));
}

function syncFrame(step: number, payload: Uint8Array): ArrayBuffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder).buffer as ArrayBuffer;
}

const awarenessFrame = new Uint8Array([1, 1, 0]).buffer;
const message = (id: number, data: ArrayBuffer): SocketEvent => ({ id, type: 'message', data });

/** What a page applying these frames in order ends up with. */
function apply(events: readonly SocketEvent[]): Y.Doc {
  const doc = new Y.Doc();
  for (const event of events) {
    if (event.type !== 'message') continue;
    const update = updateIn(event.data);
    if (update) Y.applyUpdate(doc, update);
  }
  return doc;
}

describe('folding a batch of document updates', () => {
  it('merges a socket’s updates into one, in the place of the first, with the same result', () => {
    const { frames, doc } = remoteMoves(5);
    const events = frames.map((frame) => message(1, frame));
    const folded = foldUpdates(events);
    expect(folded).toHaveLength(1);
    expect(folded[0]?.id).toBe(1);
    expect(readNotes(apply(folded))).toEqual(readNotes(doc));
    expect(xs(apply(folded))).toEqual({ n1: 50 });
  });

  it('leaves awareness frames in their places and folds each socket on its own', () => {
    const board = remoteMoves(3).frames;
    const control = remoteMoves(2).frames;
    const events: SocketEvent[] = [
      message(1, board[0] as ArrayBuffer),
      message(1, awarenessFrame),
      message(2, control[0] as ArrayBuffer),
      message(1, board[1] as ArrayBuffer),
      message(2, control[1] as ArrayBuffer),
      message(1, board[2] as ArrayBuffer),
      message(1, board[3] as ArrayBuffer),
    ];
    const folded = foldUpdates(events);
    expect(folded.map((e) => e.id)).toEqual([1, 1, 2]);
    expect(folded[1]).toBe(events[1]);
    expect(xs(apply(folded.filter((e) => e.id === 1)))).toEqual({ n1: 30 });
    expect(xs(apply(folded.filter((e) => e.id === 2)))).toEqual({ n1: 10 });
  });

  it('does not fold across a sync step or a socket’s closing', () => {
    const { frames } = remoteMoves(3);
    const step2 = syncFrame(1, Y.encodeStateAsUpdate(new Y.Doc()));
    const events: SocketEvent[] = [
      message(1, frames[0] as ArrayBuffer),
      message(1, frames[1] as ArrayBuffer),
      message(1, step2),
      message(1, frames[2] as ArrayBuffer),
      message(1, frames[3] as ArrayBuffer),
      { id: 1, type: 'close', code: 1006, reason: '', wasClean: false },
    ];
    const folded = foldUpdates(events);
    expect(folded.map((e) => e.type)).toEqual(['message', 'message', 'message', 'close']);
    expect(folded[1]).toBe(events[2]);
    expect(xs(apply(folded))).toEqual({ n1: 30 });
  });

  it('passes frames it does not understand through untouched', () => {
    const { frames } = remoteMoves(1);
    const garbage = syncFrame(2, new Uint8Array([255, 255, 255]));
    const events = [
      message(1, frames[0] as ArrayBuffer),
      message(1, garbage),
      message(1, frames[1] as ArrayBuffer),
    ];
    const text: SocketEvent = { id: 1, type: 'message', data: 'hello' };
    expect(foldUpdates(events)).toEqual(events);
    expect(foldUpdates([text])).toEqual([text]);
    expect(updateIn('hello')).toBeNull();
    expect(updateIn(awarenessFrame)).toBeNull();
  });
});

import { readTimer, setTimer, type TimerState } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BUS_ORIGIN } from '../sync/room-bus';
import { type RoundTimer, RoundTimers } from './round-timers';

const timer = (endsAt: number): TimerState => ({
  durationMs: 60_000,
  remainingMs: 60_000,
  endsAt,
  freezeAtEnd: false,
});

/** This node's control document (client id `here`) and another node's (client id `there`). */
function twoNodes(here: number, there: number) {
  const mine = new Y.Doc();
  mine.clientID = here;
  const theirs = new Y.Doc();
  theirs.clientID = there;
  const timers = new RoundTimers();
  const lost: RoundTimer[] = [];
  timers.watch(mine, (round) => lost.push(round));
  /** Their changes since `since` reach this node over the bus. */
  const carry = (since: Uint8Array) => Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, since), BUS_ORIGIN);
  return { mine, theirs, timers, lost, carry };
}

describe('round timers across nodes', () => {
  it('reports a timer of this node replaced by a write made without seeing it', () => {
    // Of two concurrent map writes Yjs keeps the higher client id's: theirs.
    const { mine, theirs, timers, lost, carry } = twoNodes(1, 2);
    timers.set(mine, timer(2000), { roundId: 'r1', endsAt: 2000 });
    setTimer(theirs, timer(1000));
    carry(new Uint8Array([0]));
    expect(readTimer(mine)?.endsAt).toBe(1000);
    expect(lost).toEqual([{ roundId: 'r1', endsAt: 2000 }]);
  });

  it('reports nothing when the other write, made after seeing this one, replaces it', () => {
    const { mine, theirs, timers, lost, carry } = twoNodes(2, 1);
    timers.set(mine, timer(2000), { roundId: 'r1', endsAt: 2000 });
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const seen = Y.encodeStateVector(theirs);
    // The facilitator sets a timer of their own on the other node.
    setTimer(theirs, timer(5000));
    carry(seen);
    expect(readTimer(mine)?.endsAt).toBe(5000);
    expect(lost).toEqual([]);
  });
});

import { SERVER_ORIGIN, setTimer, stateMap, type TimerState } from '@atelier/shared';
import { STATE_FIELDS } from '@atelier/shared/layout';
import * as Y from 'yjs';
import { BUS_ORIGIN } from '../sync/room-bus';

/** Which round, and which of its deadlines, a timer this node's server set counts down to. */
export interface RoundTimer {
  roundId: string;
  endsAt: number;
}

/**
 * The control timers this node's server sets for vote rounds (open, reopen, more time). With
 * several nodes, two servers setting the timer at once (an opening on node b, more time on node
 * a within the bus's latency) are concurrent Yjs writes, and the one kept everywhere may be the
 * older. The timer is not in the store, so this node remembers the timer items it wrote and
 * says when another node's write made **without seeing one of them** replaced it (`watch`); a
 * later change made after seeing it (the facilitator's own timer) is never reported.
 */
export class RoundTimers {
  private readonly mine = new WeakMap<Y.Item, RoundTimer>();

  set(control: Y.Doc, timer: TimerState, round: RoundTimer): void {
    setTimer(control, timer, SERVER_ORIGIN);
    const item = stateMap(control)._map.get(STATE_FIELDS.timer);
    if (item) this.mine.set(item, round);
  }

  /** Calls `lost` with the round of a timer of this node's that a concurrent bus write replaced. */
  watch(control: Y.Doc, lost: (round: RoundTimer) => void): void {
    const state = stateMap(control);
    state.observe((event) => {
      if (event.transaction.origin !== BUS_ORIGIN || !event.keysChanged.has(STATE_FIELDS.timer)) return;
      const current = state._map.get(STATE_FIELDS.timer);
      if (!current) return;
      // The key's earlier items, newest first: its writer saw whatever its origin is or precedes.
      for (let item = current.left; item !== null; item = item.left) {
        if (current.origin && Y.compareIDs(item.id, current.origin)) return;
        const round = this.mine.get(item);
        if (round) {
          lost(round);
          return;
        }
      }
    });
  }
}

import type { Histogram } from 'hdr-histogram-js';
import { newLatencyHistogram, recordMs } from '../lib/histogram';

/** Tolerance when matching an observed send time to a logged one (stamps are floats). */
const MATCH_EPSILON_MS = 0.01;

/**
 * Delivery and latency of one kind of message (presence, or document updates) in one room,
 * as seen by its probes. A receiver that sees a sender's state sent at T has also "received"
 * every earlier state of that sender it had not seen yet (servers may merge presence): each
 * of them is counted delivered with latency (now − its own send time), so merging never hides
 * staleness. "Last receiver" latency of a send is recorded once every probe (other than the
 * sender) has it.
 */
export class DeliveryTracker {
  /** Send times in the measured window, per sender index. */
  private readonly sends: number[][];
  /** Per send: how many receivers have it, and the slowest so far. */
  private readonly reached: number[][];
  private readonly slowest: number[][];
  /** Per receiver (probe) and sender: index of the first send it has not seen yet. */
  private readonly next = new Map<number, Int32Array>();
  readonly each: Histogram = newLatencyHistogram();
  readonly last: Histogram = newLatencyHistogram();
  delivered = 0;

  constructor(
    private readonly clients: number,
    private readonly probes: ReadonlySet<number>,
    /** Senders whose sends the probes must receive: indexes below this (all by default). */
    private readonly watched = clients,
  ) {
    this.sends = Array.from({ length: clients }, () => []);
    this.reached = Array.from({ length: clients }, () => []);
    this.slowest = Array.from({ length: clients }, () => []);
    for (const probe of probes) this.next.set(probe, new Int32Array(clients));
  }

  /** Receivers expected for each send of `sender`. */
  receiversOf(sender: number): number {
    if (sender >= this.watched) return 0;
    return this.probes.size - (this.probes.has(sender) ? 1 : 0);
  }

  recordSend(sender: number, time: number): void {
    this.sends[sender]?.push(time);
    this.reached[sender]?.push(0);
    this.slowest[sender]?.push(0);
  }

  /** `receiver` (a probe) observed the state `sender` sent at `sentAt`, at time `at`. */
  observe(receiver: number, sender: number, sentAt: number, at: number): void {
    const next = this.next.get(receiver);
    const times = this.sends[sender];
    const reached = this.reached[sender];
    const slowest = this.slowest[sender];
    if (!next || !times || !reached || !slowest || receiver === sender || sender >= this.watched) return;
    let i = next[sender] ?? 0;
    while (i < times.length && (times[i] ?? Infinity) <= sentAt + MATCH_EPSILON_MS) {
      const latency = at - (times[i] ?? at);
      recordMs(this.each, latency);
      this.delivered++;
      reached[i] = (reached[i] ?? 0) + 1;
      slowest[i] = Math.max(slowest[i] ?? 0, latency);
      if (reached[i] === this.receiversOf(sender)) recordMs(this.last, slowest[i] ?? latency);
      i++;
    }
    next[sender] = i;
  }

  expected(): number {
    let total = 0;
    for (let sender = 0; sender < this.clients; sender++) {
      total += (this.sends[sender]?.length ?? 0) * this.receiversOf(sender);
    }
    return total;
  }

  /** Sends in the window, all senders. */
  sent(): number {
    return this.sends.reduce((sum, times) => sum + times.length, 0);
  }
}

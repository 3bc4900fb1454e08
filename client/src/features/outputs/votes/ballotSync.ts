import { applyBallotChange, type Ballot, type BallotChange, type BallotRefusal } from '@atelier/shared';
import { RequestError } from '../../../api/http';

/** A change to one's ballot, without its request id (each sending gets a fresh one). */
export type BallotEdit = Pick<BallotChange, 'dots' | 'scores' | 'grades' | 'points' | 'ranking' | 'done'>;
/** The parts of a round the ballot rules read. */
export type BallotRules = Parameters<typeof applyBallotChange>[0];

export interface BallotSyncState {
  /** What the person sees: the server's last answer with the changes on their way applied. */
  ballot: Ballot | null;
  /** Changes sent or waiting to be sent. */
  pending: number;
  /** The ballot could not be read (it is read again on `load()`). */
  loadError: unknown;
}

export interface BallotSyncDeps {
  /** `GET` one's own ballot. */
  read(): Promise<Ballot>;
  /** `PUT` one change; answers the whole ballot as the server now holds it. */
  write(change: BallotChange): Promise<Ballot>;
  newRequestId(): string;
  /** A change was refused or lost: what was shown is replaced by the server's ballot. */
  onError(error: unknown): void;
  /** The server asked to slow down (429): the change waits `Retry-After`, then is sent again. */
  onSlowDown?(error: RequestError): void;
  /** Waits `ms` (a timer; tests pass their own). */
  wait?(ms: number): Promise<void>;
}

/** How long a change waits when the server asked to slow down without saying how long. */
const SLOW_DOWN_MS = 1000;

/**
 * One person's ballot in a round, kept in step with the server. Every change is checked with
 * the shared rules first (so a refused dot is never shown), shown at once, then sent — one
 * request at a time, in order, each with a new request id. When the server refuses one (or it
 * is lost), the changes still waiting are dropped and the ballot is read again from the server:
 * what is shown is then what the server holds. Asked to slow down (429, a voter clicking faster
 * than the server's limit), it keeps every change and sends the next after `Retry-After`.
 */
export class BallotSync {
  private confirmed: Ballot | null = null;
  private queue: BallotEdit[] = [];
  private sending = false;
  /** Bumped by each (re)load: answers to older requests are then ignored. */
  private generation = 0;
  private disposed = false;
  private state: BallotSyncState = { ballot: null, pending: 0, loadError: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    private rules: BallotRules,
    private readonly deps: BallotSyncDeps,
  ) {}

  /** The round was published again (its targets or settings may differ). */
  setRules(rules: BallotRules): void {
    this.rules = rules;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): BallotSyncState => this.state;

  /** Reads the ballot from the server (on opening the vote, and when the round opens again). */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.queue = [];
    try {
      const ballot = await this.deps.read();
      if (this.disposed || generation !== this.generation) return;
      this.confirmed = ballot;
      this.publish(null);
    } catch (error) {
      if (this.disposed || generation !== this.generation) return;
      this.publish(error);
    }
  }

  /** Why `edit` would be refused on the ballot shown now, or `null` when it would be accepted. */
  check(edit: BallotEdit): BallotRefusal | null {
    const shown = this.state.ballot;
    if (!shown) return null;
    return applyBallotChange(this.rules, shown, edit).refusal ?? null;
  }

  /**
   * Shows `edit` at once and sends it after the changes before it. Returns the refusal (and
   * changes nothing) when the rules already say no. Before the ballot is read, does nothing.
   */
  change(edit: BallotEdit): BallotRefusal | null {
    const shown = this.state.ballot;
    if (!shown || this.disposed) return null;
    const next = applyBallotChange(this.rules, shown, edit);
    if (next.refusal) return next.refusal;
    this.queue.push(edit);
    this.state = { ...this.state, ballot: next.ballot, pending: this.queue.length };
    this.emit();
    void this.pump();
    return null;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let edit = this.queue[0]; edit && !this.disposed; edit = this.queue[0]) {
        const generation = this.generation;
        try {
          const answer = await this.deps.write({ requestId: this.deps.newRequestId(), ...edit });
          if (this.disposed || generation !== this.generation) continue;
          this.confirmed = answer;
          this.queue.shift();
          this.publish(null);
        } catch (error) {
          if (this.disposed || generation !== this.generation) continue;
          if (error instanceof RequestError && error.code === 'rate_limited') {
            this.deps.onSlowDown?.(error);
            const wait = this.deps.wait ?? ((ms) => new Promise<void>((done) => setTimeout(done, ms)));
            await wait(error.retryAfterMs ?? SLOW_DOWN_MS);
            continue;
          }
          this.deps.onError(error);
          await this.load();
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** Shows the server's ballot with the changes still waiting applied on top. */
  private publish(loadError: unknown): void {
    let ballot = this.confirmed;
    if (ballot) {
      for (const edit of this.queue) {
        const next = applyBallotChange(this.rules, ballot, edit);
        if (next.ballot) ballot = next.ballot;
      }
    }
    this.state = { ballot, pending: this.queue.length, loadError };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { isTransactionConflict } from '../store/health';
import type { DocTransactionStores, TurnShare, TurnWriter } from '../store/transaction';

/** A room with updates to store before anyone is sent them. */
export interface TurnCommit {
  /** The room's name: a turn stores its rooms in name order. */
  readonly name: string;
  /**
   * Appends the turn's updates through `tx` (inside the turn's transaction). Rejects only with a
   * transaction conflict (`isTransactionConflict`), which rolls the whole turn back. `again`: the
   * turn's previous run was rolled back, so the same updates are appended again.
   */
  persist(tx: DocTransactionStores, again: boolean): Promise<void>;
  /**
   * The turn's updates and journal rows to write in one statement (`TurnWriter`), taken as
   * `persist` takes them; `null` if the room has nothing to store. Then `persisted` with the
   * number of its last update once the statement is committed.
   */
  share(again: boolean): TurnShare | null;
  persisted(lastSeq: number): void;
  /**
   * After the transaction: broadcast what was stored, or take back what was not (before the frames
   * go); `failure` is the transaction's error when it was not stored.
   */
  settle(stored: boolean, failure?: unknown): Promise<void> | void;
}

/** Runs `work` in one storage transaction (`Storage.withTransaction`); rejects if it could not be committed. */
export type Transaction = (work: (tx: DocTransactionStores) => Promise<void>) => Promise<void>;

/** How a turn's transaction is run again after a transaction conflict (a deadlock, a serialization failure). */
export interface TurnRetry {
  /** Runs after the first (3: four runs in all); then the conflict is the turn's failure. */
  readonly retries: number;
  /** The wait before run `retry` (1, 2…), jittered so that the two conflicting nodes do not meet again. */
  delayMs(retry: number): number;
  /** Told of each conflict that is retried (a log line). */
  onRetry?(error: unknown, retry: number): void;
}

/** 5–10 ms, 10–20 ms, 20–40 ms: the other transaction holds its locks a few milliseconds. */
export const TURN_RETRY: TurnRetry = {
  retries: 3,
  delayMs: (retry) => 5 * 2 ** (retry - 1) * (1 + Math.random()),
};

/** A socket with frames queued for it. */
export interface TurnOutbox {
  flush(): void;
}

/**
 * Defers the writes of one event-loop turn to its end. `setImmediate` runs after the poll
 * phase, in which the messages of every socket that had data were read, so every room's
 * updates of the turn are then stored in one transaction (one disk write for the turn, not
 * one per update), and each socket gets the turn's frames in one write (sending small frames
 * one by one costs about twice as much CPU). The transaction commits before the turn's
 * updates are queued for any socket (its rooms queue them when they settle): nothing reaches a
 * client before it is stored. One turn's transaction is in flight at a time: what arrives
 * meanwhile is the next turn, run once it is over (on SQLite the transaction ends within the same
 * drain of the microtask queue, so no turn ever waits); the frames queued meanwhile, which carry
 * nothing uncommitted, leave at the end of their own event-loop turn.
 */
/** What a `TurnFlusher` is told and asks besides its transaction; each has a default that does nothing special. */
export interface TurnFlusherOptions {
  /** Told when a turn could not be stored. */
  onStoreError?: (error: unknown) => void;
  /** Told how long each turn's transaction took, stored or not (the commit latency metric). */
  onCommit?: (seconds: number) => void;
  /**
   * Whether the storage takes writes now. While it does not, the rooms' commits wait (only the
   * server's own updates can be waiting: clients' writes are refused before they are applied)
   * and `run` is called again once it does; frames still go out.
   */
  writable?: () => boolean;
  /** How a turn rolled back by a conflict is run again (`TURN_RETRY`). */
  retry?: TurnRetry;
  /** Writes a turn in one statement (PostgreSQL); without it, every turn is a transaction. */
  writeTurn?: TurnWriter;
  /** Told when a turn's statement failed (for another reason than a conflict) and the turn goes to a transaction. */
  onStatementFailed?: (error: unknown) => void;
}

export class TurnFlusher {
  private readonly commits = new Set<TurnCommit>();
  private readonly outboxes = new Set<TurnOutbox>();
  private scheduled = false;
  /** The turn whose transaction is in flight, if any. */
  private running: Promise<void> | null = null;

  private readonly onStoreError: (error: unknown) => void;
  private readonly onCommit: (seconds: number) => void;
  private readonly writable: () => boolean;
  private readonly retry: TurnRetry;
  private readonly writeTurn: TurnWriter | undefined;
  private readonly onStatementFailed: (error: unknown) => void;

  constructor(
    private readonly transaction: Transaction,
    options: TurnFlusherOptions = {},
  ) {
    this.onStoreError = options.onStoreError ?? (() => {});
    this.onCommit = options.onCommit ?? (() => {});
    this.writable = options.writable ?? (() => true);
    this.retry = options.retry ?? TURN_RETRY;
    this.writeTurn = options.writeTurn;
    this.onStatementFailed = options.onStatementFailed ?? (() => {});
  }

  commit(room: TurnCommit): void {
    this.commits.add(room);
    this.schedule();
  }

  /** Drops a room's pending commit: its updates are never stored (the room was deleted). */
  forget(room: TurnCommit): void {
    this.commits.delete(room);
  }

  send(outbox: TurnOutbox): void {
    this.outboxes.add(outbox);
    this.schedule();
  }

  /**
   * Runs the pending work now (also used by tests, which need no event loop); resolves once the
   * turn is stored, settled and its frames written. Called while a turn is in flight, it runs
   * right after that one.
   */
  readonly run = (): Promise<void> => {
    this.scheduled = false;
    if (this.running) {
      // What is queued for the sockets meanwhile does not wait for the commit in flight: presence,
      // committed updates from the bus, answers with nothing uncommitted (a room holds back the
      // replies that carry uncommitted state, `Room.answerSyncStep1`).
      this.flushOutboxes();
      return this.running.then(() => this.run());
    }
    const running = this.runTurn().finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  };

  private async runTurn(): Promise<void> {
    // In name order: two nodes' turns lock the rooms' `doc_heads` rows (PostgreSQL) in the same
    // order, so they wait for each other instead of deadlocking (docs/scale-out.md §1).
    const rooms = this.writable() ? [...this.commits].sort(byName) : [];
    for (const room of rooms) this.commits.delete(room);
    let failure: { error: unknown } | null = null;
    if (rooms.length > 0) {
      const started = performance.now();
      failure = await this.store(rooms);
      this.onCommit((performance.now() - started) / 1000);
    }
    // Settling queues the broadcasts, so it runs before the first socket write. A room reports
    // its own append's error first: on SQLITE_FULL, SQLite rolls the whole transaction back and
    // the commit only says "no transaction is active".
    await Promise.all(rooms.map((room) => room.settle(failure === null, failure?.error)));
    if (failure) this.onStoreError(failure.error);
    this.flushOutboxes();
  }

  /**
   * Stores the turn's rooms: in one statement where the storage has one (`writeTurn`), else in
   * one transaction. One that PostgreSQL rolled back for a conflict (turns lock in name order, but
   * a deadlock or serialization failure may still come) is run again after a short wait, up to
   * `retry.retries` times, before it counts as failed. A statement failed otherwise is run again
   * at once as a transaction, whose savepoints keep one room's failure (or its journal's) from the
   * others. Meanwhile nothing of the turn has been sent, and later updates wait for the next turn.
   */
  private async store(rooms: readonly TurnCommit[]): Promise<{ error: unknown } | null> {
    let writeTurn = this.writeTurn;
    for (let retry = 0; ; retry++) {
      try {
        if (writeTurn) {
          const shares = rooms.map((room) => [room, room.share(retry > 0)] as const);
          const written = shares.flatMap(([, share]) => (share ? [share] : []));
          const lastSeqs = written.length > 0 ? await writeTurn(written) : new Map<string, number>();
          for (const [room, share] of shares) {
            if (!share) continue;
            const lastSeq = lastSeqs.get(share.doc);
            // Never broadcast without the number: the turn goes to a transaction instead.
            if (lastSeq === undefined)
              throw new Error(`the turn's statement gave no number for ${share.doc}`);
            room.persisted(lastSeq);
          }
          return null;
        }
        // Room after room: one transaction holds one connection, and never one await per update.
        await this.transaction(async (tx) => {
          for (const room of rooms) await room.persist(tx, retry > 0);
        });
        return null;
      } catch (error) {
        if (writeTurn && !isTransactionConflict(error)) {
          this.onStatementFailed(error);
          writeTurn = undefined;
          continue;
        }
        if (!isTransactionConflict(error) || retry >= this.retry.retries) return { error };
        this.retry.onRetry?.(error, retry + 1);
        await sleep(this.retry.delayMs(retry + 1));
      }
    }
  }

  private flushOutboxes(): void {
    for (const outbox of this.outboxes) outbox.flush();
    this.outboxes.clear();
  }

  /** Resolves once the turn in flight, if any, has ended (stored or not); starts none. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Runs the waiting commits at the end of this turn (the storage takes writes again). */
  resume(): void {
    if (this.commits.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.run());
  }
}

function byName(a: TurnCommit, b: TurnCommit): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A room with updates to store before anyone is sent them. */
export interface TurnCommit {
  /** Appends the turn's updates (inside the turn's transaction); must not throw. */
  persist(): void;
  /** After the transaction: broadcast what was stored, or handle what was not. */
  settle(stored: boolean): void;
}

/** Runs `work` in one storage transaction; throws if it could not be committed. */
export type Transaction = (work: () => void) => void;

/** A socket with frames queued for it. */
export interface TurnOutbox {
  flush(): void;
}

/**
 * Defers the writes of one event-loop turn to its end. `setImmediate` runs after the poll
 * phase, in which the messages of every socket that had data were read, so every room's
 * updates of the turn are then stored in one transaction (one disk write for the turn, not
 * one per update), and each socket gets the turn's frames in one write (sending small frames
 * one by one costs about twice as much CPU). The transaction commits before any socket is
 * written: nothing reaches a client before it is stored.
 */
export class TurnFlusher {
  private readonly commits = new Set<TurnCommit>();
  private readonly outboxes = new Set<TurnOutbox>();
  private scheduled = false;

  constructor(
    private readonly transaction: Transaction = (work) => work(),
    private readonly onStoreError: (error: unknown) => void = () => {},
  ) {}

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

  /** Runs the pending work now (also used by tests, which need no event loop). */
  readonly run = (): void => {
    this.scheduled = false;
    const rooms = [...this.commits];
    this.commits.clear();
    let stored = true;
    if (rooms.length > 0) {
      try {
        this.transaction(() => {
          for (const room of rooms) room.persist();
        });
      } catch (error) {
        stored = false;
        this.onStoreError(error);
      }
    }
    // Settling queues the broadcasts, so it runs before the first socket write.
    for (const room of rooms) room.settle(stored);
    for (const outbox of this.outboxes) outbox.flush();
    this.outboxes.clear();
  };

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }
}

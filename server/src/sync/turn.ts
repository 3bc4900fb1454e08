/** A room with updates to store before anyone is sent them. */
export interface TurnCommit {
  commit(): void;
}

/** A socket with frames queued for it. */
export interface TurnOutbox {
  flush(): void;
}

/**
 * Defers the writes of one event-loop turn to its end. `setImmediate` runs after the poll
 * phase, in which the messages of every socket that had data were read, so each room then
 * stores the turn's updates in one transaction, and each socket gets the turn's frames in
 * one write (sending small frames one by one costs about twice as much CPU). Rooms commit
 * before any socket is written: nothing reaches a client before it is stored.
 */
export class TurnFlusher {
  private readonly commits = new Set<TurnCommit>();
  private readonly outboxes = new Set<TurnOutbox>();
  private scheduled = false;

  commit(room: TurnCommit): void {
    this.commits.add(room);
    this.schedule();
  }

  send(outbox: TurnOutbox): void {
    this.outboxes.add(outbox);
    this.schedule();
  }

  /** Runs the pending work now (also used by tests, which need no event loop). */
  readonly run = (): void => {
    this.scheduled = false;
    // Committing queues broadcasts, so every commit runs before the first socket write.
    for (const room of this.commits) room.commit();
    this.commits.clear();
    for (const outbox of this.outboxes) outbox.flush();
    this.outboxes.clear();
  };

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }
}

/**
 * How many board sockets of people with the `participant` role each workshop has open now (the
 * socket that carries their presence on the board): the edit journal marks an edit made when there are none as made alone, between
 * sessions. Facilitators and observers are not counted. In memory, counted by the sync endpoint.
 */
export class Attendance {
  private readonly sockets = new Map<string, number>();

  /**
   * @param elsewhere whether a participant is connected to the workshop through another node
   * (scale-out: their presence relayed to this one); asked only when none is connected here.
   */
  constructor(private readonly elsewhere: (workshopId: string) => boolean = () => false) {}

  /** A participant's socket opened; call the returned function once when it closes. */
  opened(workshopId: string): () => void {
    this.sockets.set(workshopId, (this.sockets.get(workshopId) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.sockets.get(workshopId) ?? 1) - 1;
      if (left > 0) this.sockets.set(workshopId, left);
      else this.sockets.delete(workshopId);
    };
  }

  /** Whether any participant is connected to the workshop now, here or on another node. */
  present(workshopId: string): boolean {
    return this.sockets.has(workshopId) || this.elsewhere(workshopId);
  }
}

/** Something that can close one socket with a close code. */
export interface Closable {
  close(code: number, reason: string): void;
}

/**
 * Closes a participant's open sockets on every node: what the HTTP routes and the privacy
 * operations need from the sync endpoints (`disconnectingEveryNode`, cluster/node-events.ts).
 */
export interface ParticipantDisconnector {
  /**
   * Closes every socket of this participant (board and control, every tab, every node); resolves
   * how many were open on this node, once the other nodes are told.
   */
  disconnect(participantId: string, code: number, reason: string): Promise<number>;
}

/**
 * The open sync connections of this node by participant id. Made in the composition root and
 * handed to the sync endpoint (which registers sockets) and, through `disconnectingEveryNode`,
 * to the HTTP app (which closes them when a facilitator removes someone or changes their role).
 */
export class ParticipantSockets {
  private readonly byParticipant = new Map<string, Set<Closable>>();

  add(participantId: string, socket: Closable): void {
    const sockets = this.byParticipant.get(participantId) ?? new Set();
    sockets.add(socket);
    this.byParticipant.set(participantId, sockets);
  }

  delete(participantId: string, socket: Closable): void {
    const sockets = this.byParticipant.get(participantId);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.byParticipant.delete(participantId);
  }

  count(participantId: string): number {
    return this.byParticipant.get(participantId)?.size ?? 0;
  }

  /** Closes every socket of this participant on this node; returns how many. */
  disconnect(participantId: string, code: number, reason: string): number {
    const sockets = [...(this.byParticipant.get(participantId) ?? [])];
    for (const socket of sockets) socket.close(code, reason);
    return sockets.length;
  }
}

/** Something that can close one socket with a close code. */
export interface Closable {
  close(code: number, reason: string): void;
}

/** Closes a participant's open sockets: what the HTTP routes need from the sync endpoint. */
export interface ParticipantDisconnector {
  /** Closes every socket of this participant (board and control, every tab); returns how many. */
  disconnect(participantId: string, code: number, reason: string): number;
}

/**
 * The open sync connections by participant id. Made in the composition root and handed to
 * both the sync endpoint (which registers sockets) and the HTTP app (which closes them when
 * a facilitator removes someone or changes their role).
 */
export class ParticipantSockets implements ParticipantDisconnector {
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

  disconnect(participantId: string, code: number, reason: string): number {
    const sockets = [...(this.byParticipant.get(participantId) ?? [])];
    for (const socket of sockets) socket.close(code, reason);
    return sockets.length;
  }
}

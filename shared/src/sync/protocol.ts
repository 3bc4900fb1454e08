/**
 * What the sync endpoint and its clients agree on beyond the stock y-websocket protocol.
 * Close codes in the 4000–4999 range are application codes; the stock client simply
 * reconnects after any close, so a client that sees one of the "final" codes below must
 * stop reconnecting and tell the person why.
 */
export const CLOSE_CODES = {
  /** No token, an unknown token, or a token of another workshop. */
  unauthorized: 4401,
  /** The Origin header is not allowed (cross-site WebSocket hijacking). */
  forbiddenOrigin: 4403,
  /** The room name names no workshop or document. */
  unknownRoom: 4404,
  /** A message was not a valid y-websocket message (text frame, truncated, unknown type). */
  badMessage: 4400,
  /** A message was larger than the configured limit (ws itself uses 1009). */
  tooLarge: 1009,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A facilitator removed this person from the workshop: their token no longer works. */
  removed: 4410,
  /** A facilitator changed this person's role: reconnect at once, the new socket carries the new role. */
  roleChanged: 4001,
  /**
   * The room's stored document is damaged and cannot be rebuilt (docs/operations.md, "Disk and
   * database faults"): refused until an operator repairs or restores it.
   */
  roomDamaged: 4500,
  /**
   * This connection sent more messages or bytes than its per-connection rate allows (a runaway
   * client or a flood). Not final: reconnect after a backoff; tell the person if it repeats.
   * 4529, not 4429: the stock y-websocket client (3.x) stops for good on 4400–4499 and retries
   * on 4500–4599, its "try again later" range.
   */
  rateLimited: 4529,
  /** The workshop was deleted (by its creator, or by retention): nothing is left to reconnect to. */
  workshopDeleted: 4412,
} as const;

/** Close codes after which reconnecting with the same token cannot succeed. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.forbiddenOrigin,
  CLOSE_CODES.unknownRoom,
  CLOSE_CODES.removed,
  CLOSE_CODES.roomDamaged,
  CLOSE_CODES.workshopDeleted,
]);

/** Reasons sent with y-protocols' auth "permission denied" message when a write is dropped. */
export const WRITE_DENIED_REASONS = {
  readOnly: 'read-only',
  facilitatorOnly: 'facilitator-only',
  /** The facilitator locked the board: participants read it until it is unlocked. */
  locked: 'locked',
  /** The facilitator's timer ran out with "freeze input at the end": participants read until more time is given. */
  timeUp: 'time-up',
  /** Silent ideation is on: participants write new notes into their private drafts, not onto the board. */
  silent: 'silent',
  /** Only the server writes the control document's vote rounds and results. */
  serverOnly: 'server-only',
  /** "Each their own" notes: a participant may not change the text, theme or existence of someone else's note. */
  notYours: 'not-yours',
  /**
   * A table round is under way and the write is about another table: creating an item (note,
   * issue, axis, action sheet) whose `table` is not the writer's, giving an item to another table,
   * or — with closed tables — changing or deleting another table's item or one made in plenary.
   */
  otherTable: 'other-table',
  /** A table round is under way and the writer has no table: they create nothing (nor change anything when tables are closed). */
  noTable: 'no-table',
  /**
   * The server cannot store anything now (its disk is full or failing): the write was not applied.
   * The client keeps it and sends it again when the server asks (a sync step 1, sent to every
   * connection once writes are taken again) or at its next connection.
   */
  storageFull: 'storage-full',
  /**
   * The server cannot store or share anything now (a scale-out node lost its database or its
   * room bus): the write was not applied. As `storage-full`, the client keeps it and sends it
   * again when the server asks (a sync step 1 once the node has recovered) or at its next
   * connection, possibly to another node.
   */
  unavailable: 'unavailable',
} as const;
/** Refusals that are not about the edit: the client keeps it and sends it again later. */
export const KEPT_WRITE_REASONS: ReadonlySet<WriteDeniedReason> = new Set([
  WRITE_DENIED_REASONS.storageFull,
  WRITE_DENIED_REASONS.unavailable,
]);
export type WriteDeniedReason = (typeof WRITE_DENIED_REASONS)[keyof typeof WRITE_DENIED_REASONS];

/**
 * The documents of a workshop and how their room names are built: the board (`workshopId`),
 * the control document (`workshopId/control`) and each participant's private drafts for silent
 * ideation (`workshopId/drafts/participantId`), which only that participant may open.
 */
export const DOC_KINDS = ['board', 'control', 'drafts'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type RoomRef =
  | { workshopId: string; kind: 'board' | 'control' }
  | { workshopId: string; kind: 'drafts'; owner: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function roomName(workshopId: string, kind: 'board' | 'control'): string {
  return kind === 'board' ? workshopId : `${workshopId}/control`;
}

export function draftsRoomName(workshopId: string, participantId: string): string {
  return `${workshopId}/drafts/${participantId}`;
}

/** The canonical name of a parsed room. */
export function roomRefName(ref: RoomRef): string {
  return ref.kind === 'drafts'
    ? draftsRoomName(ref.workshopId, ref.owner)
    : roomName(ref.workshopId, ref.kind);
}

/** Parses a room name back into its workshop and document; `null` when it names none. */
export function parseRoomName(room: string): RoomRef | null {
  const parts = room.split('/');
  const [workshopId, suffix, owner] = parts;
  if (!workshopId || !ID.test(workshopId)) return null;
  if (parts.length === 1) return { workshopId, kind: 'board' };
  if (parts.length === 2 && suffix === 'control') return { workshopId, kind: 'control' };
  if (parts.length === 3 && suffix === 'drafts' && owner && ID.test(owner)) {
    return { workshopId, kind: 'drafts', owner };
  }
  return null;
}

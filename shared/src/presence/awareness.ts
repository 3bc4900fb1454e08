import { z } from 'zod';
import { ParticipantGroup, Role } from '../schema/enums';

/**
 * Who a presence entry belongs to. The server writes this field itself from the
 * connection's token, whatever the client sent, so nobody can appear under another name.
 */
export const PresenceUser = z.object({
  participantId: z.string(),
  name: z.string(),
  color: z.string(),
  role: Role,
  group: ParticipantGroup,
});
export type PresenceUser = z.infer<typeof PresenceUser>;

const Coordinate = z.number().finite().min(-1e7).max(1e7);

/**
 * What a client may put in its awareness state. Unknown fields are stripped by the server;
 * a state that does not parse is dropped.
 */
export const PresenceClientState = z.object({
  /** Pointer position in board units, `null` when the pointer left the board. */
  cursor: z.object({ x: Coordinate, y: Coordinate }).nullable().optional(),
  /** Id of the note being edited, so others see who is typing where. */
  editing: z.string().max(64).nullable().optional(),
  /** Id of the note being dragged. */
  dragging: z.string().max(64).nullable().optional(),
  /**
   * The board area this person sees (board units), sent only by the facilitator the room
   * follows ("follow me"): each follower fits it to their own screen.
   */
  view: z
    .object({
      x: Coordinate,
      y: Coordinate,
      width: z.number().positive().max(1e7),
      height: z.number().positive().max(1e7),
    })
    .nullable()
    .optional(),
});
export type PresenceClientState = z.infer<typeof PresenceClientState>;

/** A presence entry as every client receives it. */
export type PresenceState = PresenceClientState & { user: PresenceUser };

/** Largest awareness state (JSON, in bytes) the server accepts from one client. */
export const MAX_PRESENCE_STATE_BYTES = 2048;

import { z } from 'zod';
import { ACTION_TEXT_FIELDS } from '../doc/actions';
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
 * A `Y.RelativePosition` in a Y.Text, as `Y.encodeRelativePosition` bytes in base64: a few
 * tens of characters (an item id, or the text's own id at its end).
 */
export const EncodedRelativePosition = z
  .string()
  .min(4)
  .max(200)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64');

/** The fields of an action sheet someone can be in: its prose fields and the others. */
export const SHEET_PRESENCE_FIELDS = [
  ...ACTION_TEXT_FIELDS,
  'axis',
  'budget',
  'financing',
  'structure',
  'milestones',
  'priority',
  'status',
] as const;
export const SheetPresenceField = z.enum(SHEET_PRESENCE_FIELDS);
export type SheetPresenceField = z.infer<typeof SheetPresenceField>;

/**
 * The action sheet (step 4) this person has open, the field they are in (`null`: none) and,
 * in a prose field, their selection: `anchor` where it started, `head` where the caret is
 * (equal for a bare caret), as relative positions so they stay on the same characters
 * while others type.
 */
export const SheetPresence = z.object({
  id: z.string().min(1).max(64),
  field: SheetPresenceField.nullable(),
  anchor: EncodedRelativePosition.nullable(),
  head: EncodedRelativePosition.nullable(),
});
export type SheetPresence = z.infer<typeof SheetPresence>;

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
  /** The action sheet open in this tab and where in it this person types. */
  sheet: SheetPresence.nullable().optional(),
});
export type PresenceClientState = z.infer<typeof PresenceClientState>;

/** A presence entry as every client receives it. */
export type PresenceState = PresenceClientState & { user: PresenceUser };

/** Largest awareness state (JSON, in bytes) the server accepts from one client. */
export const MAX_PRESENCE_STATE_BYTES = 2048;

import type {
  ActionTextField,
  ControlState,
  Note,
  Point,
  PresenceUser,
  SheetPresence,
  SheetPresenceField,
  TablesState,
  Theme,
} from '@atelier/shared';

/** Screen position of board point (0, 0) and the zoom factor: screen = board × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type { ConnectionState, ConnectionStatus } from '../sync/status';

/** Another browser tab in the room, as its awareness state says (the `user` part is server-vouched). */
export interface RemotePeer {
  clientId: number;
  user: PresenceUser;
  cursor: Point | null;
  editing: string | null;
  dragging: string | null;
  /** The board area they see, when they lead the room's view ("follow me"). */
  view: ViewArea | null;
  /** The action sheet they have open (step 4) and where in it they are; absent when none. */
  sheet?: SheetPresence;
}

/** A board area in board units. */
export interface ViewArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RemoteCursor {
  clientId: number;
  participantId: string;
  name: string;
  color: string;
  x: number;
  y: number;
}

/** Someone else working on a note right now. */
export interface NoteActivity {
  participantId: string;
  name: string;
  color: string;
  kind: 'editing' | 'dragging';
}

/** Someone else in an action sheet (step 4): in which field, if any. */
export interface SheetActivity {
  participantId: string;
  name: string;
  color: string;
  field: SheetPresenceField | null;
}

/** Someone else's caret or selection in a sheet's prose field, as encoded relative positions. */
export interface RemoteSheetCaret {
  clientId: number;
  participantId: string;
  name: string;
  color: string;
  sheet: string;
  field: ActionTextField;
  anchor: string;
  head: string;
}

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
  /** Toasts of one topic (the room's step): a new one replaces the one still shown. */
  topic?: string;
}

/** A note as the board draws it: the document's note plus its place in the stack (CSS z-index, see stacking.ts). */
export interface BoardNote extends Note {
  layer: number;
  /** A private draft of silent ideation: in the person's own drafts document, seen by nobody else. */
  draft?: true;
}

/** Read-only view of the documents, written only by the binders in `state/`. */
export interface DocView {
  /** In a stable order (first seen first), not the stacking order: a move never re-orders the DOM. */
  notes: Readonly<Record<string, BoardNote>>;
  /** Active themes, in order (what notes are tagged with and filtered by). */
  themes: readonly Theme[];
  /** Active and archived themes (the facilitator's theme editor). */
  allThemes: readonly Theme[];
  control: ControlState;
  /** Tables, seats, seating mode, the table round under way (control document, see tables.ts). */
  tables: TablesState;
  /** Participant id of the facilitator whose view the room follows, or `null`. */
  follow: string | null;
  /** True once the board document has content from IndexedDB or the server. */
  boardLoaded: boolean;
  /**
   * True once the control document holds the server's content (from the server or IndexedDB):
   * a facilitator command written before would race the server's first values for the same
   * keys, and could lose to them (a concurrent map write is won by the higher client id).
   */
  controlLoaded: boolean;
}

export interface PresenceView {
  /** Distinct people in the room (one entry per participant, however many tabs). */
  people: readonly PresenceUser[];
  cursors: readonly RemoteCursor[];
  activity: Readonly<Record<string, readonly NoteActivity[]>>;
  /** Participant id → the area they see, for those who share it (the leader of "follow me"). */
  views: Readonly<Record<string, ViewArea>>;
  /** Sheet id → the other people who have it open (one entry per person), step 4. */
  sheets: Readonly<Record<string, readonly SheetActivity[]>>;
  /** The others' carets in sheets' prose fields: they move with every key press. */
  carets: readonly RemoteSheetCaret[];
}

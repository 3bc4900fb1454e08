/**
 * The Yjs layout of a workshop's documents. Only this folder knows these keys: everything
 * else reads plain objects through `read*` functions and writes through named commands.
 * The full layout, with value types, is documented in docs/doc-layout.md.
 */

/** Bumped when the layout changes in a way old clients cannot read. */
export const LAYOUT_VERSION = 1;

/** Root types of the board document (room `workshopId`). Every root is a `Y.Map` keyed by id. */
export const BOARD_ROOTS = {
  meta: 'meta',
  notes: 'notes',
  clusters: 'clusters',
  axes: 'axes',
  actions: 'actions',
  partners: 'partners',
  indicators: 'indicators',
  /** Partnership process per action sheet: flat keys `<sheet id>/<step>` → status (see process.ts). */
  process: 'process',
  /**
   * Deleted notes, keyed by note id: a plain `BinEntry` (see bin.ts) holding the note as it was
   * and who deleted it when. Participants only add to it; restoring and emptying are the
   * facilitators' (the server refuses a participant's removal, except their own undo).
   */
  bin: 'bin',
} as const;

/** Root types of the control document (room `workshopId/control`), written by facilitators only. */
export const CONTROL_ROOTS = {
  meta: 'meta',
  /** Live facilitation state: current step, lock… */
  state: 'state',
  /** The workshop's theme list, keyed by theme id. */
  themes: 'themes',
  /** The facilitator's question for the room, per step: `Y.Map<Step, string>`. */
  questions: 'questions',
  /**
   * Vote rounds by id, each a plain `PublicRound` object (see votes/round.ts), written by the
   * server only: never a ballot, and results only once revealed (or live for open rounds).
   */
  votes: 'votes',
  /** Tables (French: tables, sous-groupes) by id, each a plain `Table` value (see tables.ts). */
  tables: 'tables',
  /** Who sits at which table: `Y.Map<participantId, tableId>` (see tables.ts). */
  seats: 'seats',
  /** The facilitator's messages to one table or all: `Y.Map<id, TableMessage>`, plain values (see tableMessages.ts). */
  tableMessages: 'tableMessages',
} as const;

/** Root types of a participant's private document (room `workshopId/drafts/participantId`). */
export const PRIVATE_ROOTS = {
  /** Silent ideation drafts, with the board's note layout. */
  notes: 'notes',
  /** Vote reminders from the facilitator: round id → epoch ms of the last nudge (server-written). */
  reminders: 'reminders',
} as const;

/** Field names of a note's `Y.Map`. */
export const NOTE_FIELDS = {
  id: 'id',
  /** `Y.Text`: collaborative, merges character by character. */
  text: 'text',
  /** `{ x: number, y: number }` in board units; one value so a move is atomic. */
  pos: 'pos',
  /** Theme id from the control document's theme list, or `null`. */
  theme: 'theme',
  /** Participant id of the author. */
  author: 'author',
  /** Epoch milliseconds. */
  createdAt: 'createdAt',
  /** Stacking order: the note moved last is drawn on top. */
  z: 'z',
  /** Cluster (issue) id the note was sorted into, or `null` (step 2). */
  cluster: 'cluster',
  /** Fractional-index order string inside its cluster. */
  order: 'order',
  /** The table the note was written at (`TABLE_FIELD`), or `null`/absent: made in plenary. */
  table: 'table',
} as const;

/**
 * The field every board item (note, issue, axis, action sheet) names its table in: a table id
 * of the control document's `tables`, or `null`/absent for an item made in plenary. An id no
 * table has any more reads as no table.
 */
export const TABLE_FIELD = 'table';

/**
 * An issue remembers every table it was merged from: one flat key per table on the issue's
 * map, `fromTable/<table id>` → `true`, so two merges into it at once both keep theirs (one
 * nested map or array written by both would keep one).
 */
export const FROM_TABLE_PREFIX = 'fromTable/';

/** Field names of the control document's `state` map. */
export const STATE_FIELDS = {
  /** The step the room is on (a `Step`). */
  step: 'step',
  /** The workshop's steps (its template's), in the method's order: `Step[]`. */
  steps: 'steps',
  /** Participants may look at other steps than the room's (the facilitator let them free). */
  stepsFree: 'stepsFree',
  locked: 'locked',
  /** The facilitator's timer (`TimerState`, a plain object), absent when none is set. */
  timer: 'timer',
  /** Participant id of the facilitator whose view everyone follows ("follow me"), absent when free. */
  follow: 'follow',
  /** Silent ideation: participants' new notes go to their private drafts until the reveal. */
  silent: 'silent',
  /**
   * Who may change a note (`NoteEditing`): `own` (also when absent) — participants change the
   * text, theme or existence of their own notes only, and move anyone's; `all` — anyone's.
   */
  noteEditing: 'noteEditing',
  /** How people get a table (`Seating`, a plain object): absent = `{ mode: 'manual', cap: null }`. */
  seating: 'seating',
  /** The table round under way (`TableRound`, a plain object), absent when the room is in plenary. */
  tableRound: 'tableRound',
  /** The table presenting its work to the room ("la table 3 présente"): a table id, absent when none. */
  presenting: 'presenting',
} as const;

/** Size limits enforced by commands (and by the export schema later). */
export const LIMITS = {
  noteText: 2_000,
} as const;

/**
 * Transaction origins. Commands run with `LOCAL_ORIGIN` so that a `Y.UndoManager` tracking
 * only it puts a person's own edits on their undo stack and never remote ones.
 */
export const LOCAL_ORIGIN = 'atelier:local' as const;
/** Changes the server makes itself (seeding a workshop, later: reveals and vote results). */
export const SERVER_ORIGIN = 'atelier:server' as const;

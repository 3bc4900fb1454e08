import type { PresenceUser } from '@atelier/shared';
import { useEffect, useRef, useState } from 'react';
import { bindBoard, markBoardLoaded } from '../state/bindBoard';
import { bindControl } from '../state/bindControl';
import { applyPresence, derivePresence, parsePeers } from '../state/presence';
import { presenceStores } from '../state/presenceStores';
import { remoteFrames } from '../state/remoteFrames';
import type { BoardStore } from '../state/store';
import { WorkshopConnection } from '../sync/connection';

export interface UseWorkshopConnectionOptions {
  workshopId: string;
  token: string | null;
  store: BoardStore;
  onDenied: (reason: string) => void;
  /** A facilitator promoted or demoted us: read the summary again for our new role. */
  onRoleChanged?: () => void;
}

/**
 * Opens the workshop's documents for as long as the board is shown and feeds the store:
 * notes, themes and lock from the documents, presence from awareness, connection status,
 * undo availability. Follows the browser's offline/online events.
 */
export function useWorkshopConnection({
  workshopId,
  token,
  store,
  onDenied,
  onRoleChanged,
}: UseWorkshopConnectionOptions): WorkshopConnection | null {
  const [connection, setConnection] = useState<WorkshopConnection | null>(null);
  const deniedHandler = useRef(onDenied);
  deniedHandler.current = onDenied;
  const roleChangedHandler = useRef(onRoleChanged);
  roleChangedHandler.current = onRoleChanged;

  useEffect(() => {
    if (!token) return;
    const conn = new WorkshopConnection({
      workshopId,
      token,
      origin: window.location.origin,
      online: navigator.onLine,
      persist: true,
    });
    let board = bindBoard(store, conn.boardDoc);
    let unbindControl = bindControl(store, conn.controlDoc);
    let drafts: ReturnType<typeof bindBoard> | null = null;
    const cleanups: (() => void)[] = [];
    // A participant's private drafts (silent ideation) are shown among the board's notes.
    const openDrafts = () => {
      const me = store.getState().me;
      if (me?.role === 'participant') conn.openDrafts(me.participantId);
    };
    cleanups.push(
      conn.on('draftsDoc', (doc) => {
        drafts?.unbind();
        drafts = bindBoard(store, doc, remoteFrames, { draft: true });
      }),
      store.subscribe((state, prev) => {
        if (state.me !== prev.me) openDrafts();
      }),
      conn.on('boardDoc', (doc) => {
        board.unbind();
        store.setState({ editingId: null, pickerId: null });
        board = bindBoard(store, doc);
      }),
      conn.on('controlDoc', (doc) => {
        unbindControl();
        unbindControl = bindControl(store, doc);
      }),
      conn.on('state', (connectionState) => store.setState({ connection: connectionState })),
      conn.on('history', (history) => store.setState({ history })),
      conn.on('denied', ({ reason }) => deniedHandler.current(reason)),
      conn.on('roleChanged', () => roleChangedHandler.current?.()),
      conn.board.on('change', () => {
        // Loaded once the server synced us, or the local copy has content (or is all we will get
        // offline). The notes that sync brought must be in the store first: the view fits them.
        board.flush();
        const local = conn.board.persistence?.synced === true;
        const hasNotes = Object.keys(store.getState().notes).length > 0;
        if (conn.board.synced || (local && (hasNotes || conn.state.status === 'offline')))
          markBoardLoaded(store);
      }),
    );
    store.setState({ connection: conn.state });
    openDrafts();

    // Presence: awareness changes arrive at cursor speed; fold them into one store write per remote frame.
    let cancelRefresh: (() => void) | null = null;
    const knownUsers = new Map<number, PresenceUser>();
    const refreshPresence = () => {
      cancelRefresh = null;
      const you = store.getState().workshop?.you;
      const self: PresenceUser | null = you
        ? { participantId: you.id, name: you.name, color: you.color, role: you.role, group: you.group }
        : null;
      applyPresence(
        presenceStores,
        derivePresence(parsePeers(conn.awareness.getStates(), conn.awareness.clientID, knownUsers), self),
      );
    };
    const schedule = () => {
      if (!remoteFrames) refreshPresence();
      else cancelRefresh ??= remoteFrames(refreshPresence);
    };
    let awareness = conn.awareness;
    awareness.on('change', schedule);
    cleanups.push(
      conn.on('awareness', (next) => {
        awareness.off('change', schedule);
        awareness = next;
        awareness.on('change', schedule);
        schedule();
      }),
      store.subscribe((state, prev) => {
        if (state.workshop !== prev.workshop) schedule();
      }),
    );
    schedule();

    const goOffline = () => conn.goOffline();
    const goOnline = () => conn.goOnline();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    setConnection(conn);

    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      cancelRefresh?.();
      awareness.off('change', schedule);
      for (const cleanup of cleanups) cleanup();
      board.unbind();
      drafts?.unbind();
      unbindControl();
      conn.destroy();
      setConnection(null);
    };
  }, [workshopId, token, store]);

  return connection;
}

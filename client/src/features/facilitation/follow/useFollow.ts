import { useEffect } from 'react';
import { presenceStores } from '../../../state/presenceStores';
import { boardStore, useBoard } from '../../../state/store';
import type { SheetActivity } from '../../../state/types';
import { useConnection } from '../../../state/useConnection';
import { viewStore } from '../../../state/view';
import { throttleLatest } from '../../../sync/throttle';
import { measureInsets } from '../../../toolbox/canvas/covers';
import { fitRect, openBoardRect } from '../../../toolbox/canvas/geometry';

/** How often the leader's view is shared while they pan and zoom. */
const VIEW_SHARE_MS = 100;

/**
 * The facilitator the room follows shares the board area they see (less what their toolbar
 * covers), in their presence; not while they visit a table: the room stays where it is rather
 * than follow them over another table's space.
 */
export function useLeadView(): void {
  const connection = useConnection();
  const leading = useBoard(
    (s) => s.follow !== null && s.follow === s.me?.participantId && s.viewedTable === null,
  );
  useEffect(() => {
    if (!leading) return;
    const share = throttleLatest(() => {
      const { viewport, canvasSize } = viewStore.getState();
      if (canvasSize.width > 0)
        connection.setPresence({ view: openBoardRect(viewport, canvasSize, measureInsets()) });
    }, VIEW_SHARE_MS);
    share(undefined);
    const unsubscribe = viewStore.subscribe((state, prev) => {
      if (state.viewport !== prev.viewport || state.canvasSize !== prev.canvasSize) share(undefined);
    });
    return () => {
      unsubscribe();
      share.cancel();
      connection.setPresence({ view: null });
    };
  }, [leading, connection]);
}

/** Everyone else's view follows the leader's, fitted to their own screen, unless they stopped following. */
export function useFollowLeader(): void {
  const leader = useBoard((s) => (s.follow !== s.me?.participantId ? s.follow : null));
  const detached = useBoard((s) => s.followDetached);
  useEffect(() => {
    if (leader === null || detached) return;
    const follow = () => {
      const view = presenceStores.cursors.getState().views[leader];
      const { canvasSize, setViewport } = viewStore.getState();
      if (view && canvasSize.width > 0)
        setViewport(fitRect(view, canvasSize, 0, Number.POSITIVE_INFINITY, measureInsets()));
    };
    const stopViews = presenceStores.cursors.subscribe((state, prev) => {
      if (state.views[leader] !== prev.views[leader]) follow();
    });
    const stopResized = viewStore.subscribe((state, prev) => {
      if (state.canvasSize !== prev.canvasSize) follow();
    });
    // The action sheet the leader has open (step 4) opens here too, and closes with theirs.
    let leaderSheet: string | null | undefined;
    const followSheet = () => {
      const sheet = openSheetOf(presenceStores.presence.getState().sheets, leader);
      if (sheet === leaderSheet) return;
      leaderSheet = sheet;
      if (boardStore.getState().openSheet !== sheet) boardStore.getState().setOpenSheet(sheet);
    };
    const stopSheets = presenceStores.presence.subscribe((state, prev) => {
      if (state.sheets !== prev.sheets) followSheet();
    });
    follow();
    followSheet();
    return () => {
      stopViews();
      stopResized();
      stopSheets();
    };
  }, [leader, detached]);
}

/** The sheet a person has open, from the room's presence (`null`: none). */
export function openSheetOf(
  sheets: Readonly<Record<string, readonly SheetActivity[]>>,
  participantId: string,
): string | null {
  for (const [id, people] of Object.entries(sheets)) {
    if (people.some((person) => person.participantId === participantId)) return id;
  }
  return null;
}

export function stopFollowing(): void {
  boardStore.setState({ followDetached: true });
}

export function followAgain(): void {
  boardStore.setState({ followDetached: false });
}

import { useEffect, useRef } from 'react';
import { boardStore, useBoard } from '../../../../state/store';
import { viewStore } from '../../../../state/view';
import { fitToContent } from '../../../../toolbox/canvas/fitToContent';
import { PROJECTOR_MAX_ZOOM } from '../../projector/Projector';
import { presentingRule } from './presenting';

/** Whether this person's view follows the facilitator's ("follow me"), which then decides where they look. */
function following(): boolean {
  const s = boardStore.getState();
  return s.follow !== null && s.follow !== s.me?.participantId && !s.followDetached;
}

/**
 * While a table presents in plenary, everyone's view (the projector's too) shows its work: the
 * board is fitted once to its frame when it starts presenting (and to every note when the
 * presentations end), then each person may look around as they like; and the items of the other
 * tables are dimmed. A person following the facilitator's view keeps following it.
 */
export function PresentingView() {
  const presenting = useBoard((s) => (s.tables.round === null ? s.tables.presenting : null));
  const previous = useRef(presenting);
  useEffect(() => {
    const changed = previous.current !== presenting;
    previous.current = presenting;
    if (!changed) return;
    const frame = requestAnimationFrame(() => {
      const canvas = document.querySelector('[data-testid="board.canvas"]');
      if (following() || !canvas) return;
      // The banner that appeared with the presentation pushed the board down: measured now
      // (the canvas's own observer tells its new size only after this frame).
      const { width, height } = canvas.getBoundingClientRect();
      viewStore.getState().setCanvasSize({ width, height });
      fitToContent(boardStore.getState().projector ? PROJECTOR_MAX_ZOOM : 1);
    });
    return () => cancelAnimationFrame(frame);
  }, [presenting]);
  if (presenting === null) return null;
  return <style data-testid="tables.presentingStyle">{presentingRule(presenting)}</style>;
}

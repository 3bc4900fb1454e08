/** Runs `flush` before a later paint; returns a cancel function. */
export type FrameScheduler = (flush: () => void) => () => void;

/**
 * Other people's changes (their notes and their cursors) are drawn together, once per
 * animation frame at most. Their pace is set upstream: the socket worker hands the page one
 * batch per REMOTE_FRAME_MS in a busy room (sync/socketHub.ts), and everything a batch
 * changed, on the board and in presence, is drawn in the frame after it. The person's own
 * edits never wait for this.
 */
export function createRemoteFrames(): FrameScheduler {
  const pending = new Set<() => void>();
  let frame = 0;
  const run = () => {
    frame = 0;
    const due = [...pending];
    pending.clear();
    for (const flush of due) flush();
  };
  return (flush) => {
    pending.add(flush);
    if (frame === 0) frame = requestAnimationFrame(run);
    return () => {
      pending.delete(flush);
      if (pending.size > 0 || frame === 0) return;
      cancelAnimationFrame(frame);
      frame = 0;
    };
  };
}

/** One clock for the whole page, so the board and the cursors change in the same frame. */
export const remoteFrames: FrameScheduler | null =
  typeof requestAnimationFrame === 'function' ? createRemoteFrames() : null;

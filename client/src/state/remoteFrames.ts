/** Runs `flush` before a later paint; returns a cancel function. */
export type FrameScheduler = (flush: () => void) => () => void;

/**
 * Other people's changes (their notes and their cursors) are drawn together, at most once
 * per REMOTE_FRAME_MS. In a busy room they arrive hundreds of times a second; drawing each
 * frame they touch kept an idle laptop's main thread 40 % busy re-rendering, restyling and
 * re-layering the board. A tenth of a second is below what anyone notices of someone else's
 * move, and cursors glide between positions with a CSS transition of the same length.
 * The person's own edits never wait for this.
 */
export const REMOTE_FRAME_MS = 100;

export function createRemoteFrames(intervalMs = REMOTE_FRAME_MS): FrameScheduler {
  const pending = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  const run = () => {
    frame = 0;
    const due = [...pending];
    pending.clear();
    for (const flush of due) flush();
  };
  return (flush) => {
    pending.add(flush);
    timer ??= setTimeout(() => {
      timer = null;
      frame = requestAnimationFrame(run);
    }, intervalMs);
    return () => {
      pending.delete(flush);
      if (pending.size > 0) return;
      if (timer !== null) clearTimeout(timer);
      if (frame !== 0) cancelAnimationFrame(frame);
      timer = null;
      frame = 0;
    };
  };
}

/** One clock for the whole page, so the board and the cursors change in the same frame. */
export const remoteFrames: FrameScheduler | null =
  typeof requestAnimationFrame === 'function' ? createRemoteFrames() : null;

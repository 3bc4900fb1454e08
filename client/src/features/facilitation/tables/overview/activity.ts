import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { type CursorState, type PresenceState, presenceStores } from '../../../../state/presenceStores';

/**
 * Who is *active* (not only connected) in the room: a person whose pointer moved, who typed in
 * a note or a sheet, or dragged something in the last two minutes. Presence says who is
 * connected; this remembers when each one's presence last changed, on the facilitator's
 * machine only (nothing is sent: it is read off the awareness the room already shares).
 */
export const ACTIVE_MS = 2 * 60_000;

/** Participant id → epoch ms (this machine's clock) of the last sign of activity seen. */
export type LastActive = Readonly<Record<string, number>>;

/** What a person is visibly doing now, as one string per person: a change of it is activity. */
export function activitySignatures(
  cursors: CursorState['cursors'],
  carets: CursorState['carets'],
  activity: PresenceState['activity'],
): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (who: string, part: string) => {
    out[who] = out[who] === undefined ? part : `${out[who]}|${part}`;
  };
  for (const c of cursors) add(c.participantId, `c${c.clientId}:${c.x},${c.y}`);
  for (const c of carets) add(c.participantId, `t${c.clientId}:${c.sheet}/${c.field}/${c.anchor}/${c.head}`);
  for (const [note, list] of Object.entries(activity))
    for (const a of list) add(a.participantId, `${a.kind}:${note}`);
  return out;
}

/** Marks at `now` everyone whose signature changed (or appeared); people who left are not activity. */
export function touchActivity(
  last: LastActive,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  now: number,
): LastActive {
  let next: Record<string, number> | null = null;
  for (const [who, signature] of Object.entries(after)) {
    if (before[who] === signature) continue;
    next ??= { ...last };
    next[who] = now;
  }
  return next ?? last;
}

/** Whether a person showed activity within the last `ACTIVE_MS`. */
export function isActive(last: LastActive, who: string, now: number): boolean {
  const at = last[who];
  return at !== undefined && now - at < ACTIVE_MS;
}

/** The facilitator's record of activity (see `useActivityTracking`). */
export const activityStore = createStore<{ lastActive: LastActive }>()(() => ({ lastActive: {} }));

/**
 * Keeps `activityStore` up to date from the presence stores while mounted (the facilitator's
 * bar mounts it, so the overview knows who was active before it was opened).
 */
export function useActivityTracking(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const read = () => {
      const { cursors, carets } = presenceStores.cursors.getState();
      return activitySignatures(cursors, carets, presenceStores.presence.getState().activity);
    };
    let before = read();
    const update = () => {
      const after = read();
      const { lastActive } = activityStore.getState();
      const next = touchActivity(lastActive, before, after, Date.now());
      before = after;
      if (next !== lastActive) activityStore.setState({ lastActive: next });
    };
    const offCursors = presenceStores.cursors.subscribe((state, prev) => {
      if (state.cursors !== prev.cursors || state.carets !== prev.carets) update();
    });
    const offPresence = presenceStores.presence.subscribe((state, prev) => {
      if (state.activity !== prev.activity) update();
    });
    return () => {
      offCursors();
      offPresence();
    };
  }, [enabled]);
}

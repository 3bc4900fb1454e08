import type { WorkshopStore } from './workshops';

/**
 * Records that a workshop is in use (a join, a sync connection or message, an authenticated
 * call). In memory it costs a map lookup; the database is written at most once per `everyMs`
 * per workshop, so a busy room does not turn every keystroke into a write. The recorded time is
 * what a join code's expiry and the retention of idle workshops count from.
 */
export interface ActivityTracker {
  seen(workshopId: string): void;
  /** Forgets a workshop (deleted), so that its entry does not linger. */
  forget(workshopId: string): void;
}

export interface ActivityOptions {
  /** Smallest interval between two recorded times of one workshop (default 5 minutes). */
  everyMs?: number;
  now?: () => number;
  /** A time could not be written (a full disk): the call that was seen goes on regardless. */
  onError?: (error: unknown) => void;
}

export function createActivityTracker(
  workshops: Pick<WorkshopStore, 'touch'>,
  options: ActivityOptions = {},
): ActivityTracker {
  const everyMs = options.everyMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const written = new Map<string, number>();
  return {
    seen(workshopId) {
      const t = now();
      const last = written.get(workshopId);
      if (last !== undefined && t - last < everyMs) return;
      written.set(workshopId, t);
      // Recorded at a later sighting; a join or a sync must not fail (nor wait) for it.
      const failed = (error: unknown) => {
        if (written.get(workshopId) !== t) return; // a later sighting wrote since
        if (last === undefined) written.delete(workshopId);
        else written.set(workshopId, last);
        options.onError?.(error);
      };
      try {
        workshops.touch(workshopId, new Date(t).toISOString()).catch(failed);
      } catch (error) {
        failed(error);
      }
    },
    forget(workshopId) {
      written.delete(workshopId);
    },
  };
}

/**
 * The workshop store, recording activity wherever a person is recognised: every token lookup
 * (each authenticated call, each sync connection) and every join.
 */
export function recordingActivity(workshops: WorkshopStore, activity: ActivityTracker): WorkshopStore {
  return {
    ...workshops,
    async participantByToken(token) {
      const participant = await workshops.participantByToken(token);
      if (participant) activity.seen(participant.workshopId);
      return participant;
    },
    async addParticipant(input) {
      const added = await workshops.addParticipant(input);
      activity.seen(input.workshopId);
      return added;
    },
  };
}

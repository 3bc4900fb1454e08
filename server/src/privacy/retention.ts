import type { RetentionInfo } from '@atelier/shared';
import type { Logger } from '../log';
import type { WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { WorkshopDeletion } from './deletion';

const DAY_MS = 86_400_000;

/**
 * Retention (`RETENTION_DAYS`): workshops without recorded activity for longer are deleted, at
 * start-up and then every `everyMs`. Activity is any join, authenticated call or sync message
 * (server/src/store/activity.ts), so a visit, even a facilitator's look at the warning, starts
 * the count again.
 */
export interface Retention {
  /** Deletes the idle workshops now; returns their ids. */
  sweep(): string[];
  /** What the facilitator is told: the last activity before now and the deletion it would lead to. */
  info(workshop: WorkshopRecord): RetentionInfo;
  /** Stops the periodic sweep. */
  stop(): void;
}

export interface RetentionOptions {
  days: number;
  workshops: Pick<WorkshopStore, 'idleBefore'>;
  deletion: WorkshopDeletion;
  log: Logger;
  /** How often idle workshops are looked for (default an hour). */
  everyMs?: number;
  now?: () => number;
}

/** Starts retention: a first sweep at once, then a timer that does not keep the process alive. */
export function startRetention(options: RetentionOptions): Retention {
  const { days, workshops, deletion, log } = options;
  const now = options.now ?? Date.now;
  const sweep = (): string[] => {
    const cutoff = new Date(now() - days * DAY_MS).toISOString();
    const idle = workshops.idleBefore(cutoff);
    for (const id of idle) {
      try {
        deletion.delete(id, 'retention');
      } catch (error) {
        log.error({ workshopId: id, err: String(error) }, 'an idle workshop could not be deleted');
      }
    }
    if (idle.length > 0) log.info({ deleted: idle.length, days }, 'retention: idle workshops deleted');
    return idle;
  };
  sweep();
  const timer = setInterval(sweep, options.everyMs ?? 3_600_000);
  timer.unref();
  return {
    sweep,
    info: (workshop) => ({
      days,
      lastActiveAt: workshop.lastActiveAt,
      deletionPlannedAt: new Date(Date.parse(workshop.lastActiveAt) + days * DAY_MS).toISOString(),
    }),
    stop: () => clearInterval(timer),
  };
}

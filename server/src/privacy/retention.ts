import type { RetentionInfo } from '@atelier/shared';
import type { Logger } from '../log';
import type { StrategyStore } from '../store/strategies';
import type { WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { StrategyDeletion, WorkshopDeletion } from './deletion';

const DAY_MS = 86_400_000;

/**
 * Retention (`RETENTION_DAYS`): workshops without recorded activity for longer are deleted, at
 * start-up and then every `everyMs`. Activity is any join, authenticated call or sync message
 * (server/src/store/activity.ts), so a visit, even a facilitator's look at the warning, starts
 * the count again. A strategy left with no session goes too: the sweep deleted its last one, or
 * it never had any and was created before the cutoff (its title and territory name a client).
 */
export interface Retention {
  /** Deletes the idle workshops now, then the strategies left with no session; returns the workshops' ids. */
  sweep(): Promise<string[]>;
  /** What the facilitator is told: the last activity before now and the deletion it would lead to. */
  info(workshop: WorkshopRecord): RetentionInfo;
  /** Settles once the first sweep is over, deleted or failed (`startServer` resolves after it). */
  readonly ready: Promise<void>;
  /** Stops the periodic sweep. */
  stop(): void;
}

export interface RetentionOptions {
  days: number;
  workshops: Pick<WorkshopStore, 'idleBefore' | 'get'>;
  deletion: WorkshopDeletion;
  strategies: Pick<StrategyStore, 'withoutSessions'>;
  strategyDeletion: Pick<StrategyDeletion, 'delete'>;
  log: Logger;
  /** How often idle workshops are looked for (default an hour). */
  everyMs?: number;
  now?: () => number;
}

/** Starts retention: a first sweep at once (`ready`), then a timer that does not keep the process alive. */
export function startRetention(options: RetentionOptions): Retention {
  const { days, workshops, deletion, strategies, strategyDeletion, log } = options;
  const now = options.now ?? Date.now;
  const sweep = async (): Promise<string[]> => {
    const cutoff = new Date(now() - days * DAY_MS).toISOString();
    const idle = await workshops.idleBefore(cutoff);
    const touched = new Set<string>();
    for (const id of idle) {
      try {
        const strategyId = (await workshops.get(id))?.strategyId;
        await deletion.delete(id, 'retention');
        if (strategyId) touched.add(strategyId);
      } catch (error) {
        log.error({ workshopId: id, err: String(error) }, 'an idle workshop could not be deleted');
      }
    }
    if (idle.length > 0) log.info({ deleted: idle.length, days }, 'retention: idle workshops deleted');
    await sweepStrategies(cutoff, touched);
    return idle;
  };
  /** Strategies with no session: emptied by this sweep, or never given one since before the cutoff. */
  const sweepStrategies = async (cutoff: string, touched: ReadonlySet<string>) => {
    const empty = (await strategies.withoutSessions()).filter(
      (s) => touched.has(s.id) || s.createdAt < cutoff,
    );
    for (const { id } of empty) {
      try {
        await strategyDeletion.delete(id, 'retention');
      } catch (error) {
        log.error({ strategyId: id, err: String(error) }, 'an empty strategy could not be deleted');
      }
    }
    if (empty.length > 0) log.info({ deleted: empty.length, days }, 'retention: empty strategies deleted');
  };
  // A sweep that fails (the store unreachable) is tried again at the next one.
  const swept = () =>
    sweep().then(
      () => undefined,
      (error: unknown) => log.error({ err: String(error) }, 'retention sweep failed'),
    );
  const ready = swept();
  const timer = setInterval(swept, options.everyMs ?? 3_600_000);
  timer.unref();
  return {
    sweep,
    ready,
    info: (workshop) => ({
      days,
      lastActiveAt: workshop.lastActiveAt,
      deletionPlannedAt: new Date(Date.parse(workshop.lastActiveAt) + days * DAY_MS).toISOString(),
    }),
    stop: () => clearInterval(timer),
  };
}

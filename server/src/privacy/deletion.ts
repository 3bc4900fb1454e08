import { CLOSE_CODES } from '@atelier/shared';
import type { Logger } from '../log';
import type { ActivityTracker } from '../store/activity';
import type { PurgeStore } from '../store/purge';
import type { StrategyStore } from '../store/strategies';
import type { WorkshopStore } from '../store/workshops';
import type { ParticipantDisconnector } from '../sync/participant-sockets';
import type { RoomManager } from '../sync/rooms';
import type { VoteService } from '../votes/service';

export interface WorkshopDeletion {
  /**
   * Deletes a workshop for good: closes its people's sockets (4412), drops its loaded rooms
   * without writing them back, stops its vote deadlines, deletes every row of it and scrubs the
   * file. Resolves to whether it existed. `why` is logged (`creator`, `retention`, `strategy`: its strategy was deleted).
   */
  delete(workshopId: string, why: 'creator' | 'retention' | 'strategy'): Promise<boolean>;
}

export interface WorkshopDeletionDeps {
  workshops: Pick<WorkshopStore, 'participants'>;
  purge: PurgeStore;
  rooms: Pick<RoomManager, 'retire' | 'dropsSettled'>;
  sockets: ParticipantDisconnector;
  votes: Pick<VoteService, 'forget'>;
  activity: Pick<ActivityTracker, 'forget'>;
  log: Logger;
}

export function createWorkshopDeletion(deps: WorkshopDeletionDeps): WorkshopDeletion {
  const { workshops, purge, rooms, sockets, votes, activity, log } = deps;
  return {
    async delete(workshopId, why) {
      const people = await workshops.participants(workshopId);
      // The rooms are dropped (and refused from now on) and the sockets closed before anything
      // else is awaited, so nothing writes the workshop back once it is gone, and a reconnect
      // while the purge runs loads nothing; writes already in flight end before the purge.
      const dropped = rooms.retire(workshopId);
      votes.forget(workshopId);
      let closed = 0;
      for (const person of people)
        closed += sockets.disconnect(person.id, CLOSE_CODES.workshopDeleted, 'workshop deleted');
      await rooms.dropsSettled();
      const existed = await purge.deleteWorkshop(workshopId);
      activity.forget(workshopId);
      const { busy } = await purge.scrub();
      // The id only: titles and names never go into logs.
      log.info({ workshopId, why, rooms: dropped.length, sockets: closed, existed }, 'workshop deleted');
      if (busy)
        log.warn(
          { workshopId },
          'a reader kept the WAL from being truncated; it will be at the next checkpoint',
        );
      return existed;
    },
  };
}

export interface StrategyDeletion {
  /**
   * Deletes a strategy for good: each of its sessions as `WorkshopDeletion` does (why
   * `strategy`), then its row, then scrubs the file again so that its title leaves the disk.
   * Returns the sessions' ids, or `null` for an unknown strategy. `why` is logged (`facilitator`,
   * or `retention`: it had no session left).
   */
  delete(strategyId: string, why?: 'facilitator' | 'retention'): Promise<string[] | null>;
}

export function createStrategyDeletion(deps: {
  strategies: Pick<StrategyStore, 'sessions' | 'delete'>;
  deletion: WorkshopDeletion;
  purge: Pick<PurgeStore, 'scrub'>;
  log: Logger;
}): StrategyDeletion {
  const { strategies, deletion, purge, log } = deps;
  return {
    async delete(strategyId, why = 'facilitator') {
      const sessions = (await strategies.sessions(strategyId)).map((s) => s.workshopId);
      for (const workshopId of sessions) await deletion.delete(workshopId, 'strategy');
      if (!(await strategies.delete(strategyId))) return null;
      await purge.scrub();
      log.info({ strategyId, why, sessions: sessions.length }, 'strategy deleted');
      return sessions;
    },
  };
}

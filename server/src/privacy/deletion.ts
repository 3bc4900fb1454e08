import { CLOSE_CODES } from '@atelier/shared';
import type { NodeEvents } from '../cluster/node-events';
import type { Logger } from '../log';
import type { ActivityTracker } from '../store/activity';
import type { PurgeStore } from '../store/purge';
import type { StrategyStore } from '../store/strategies';
import type { WorkshopStore } from '../store/workshops';
import type { ParticipantSockets } from '../sync/participant-sockets';
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

/** What a node holds of a workshop: its loaded rooms, its sockets, its vote deadlines. */
export interface WorkshopHolders {
  rooms: Pick<RoomManager, 'retire'>;
  /** This node's sockets. */
  sockets: Pick<ParticipantSockets, 'disconnect'>;
  votes: Pick<VoteService, 'forget'>;
}

/**
 * Lets go of a workshop on this node, at once: drops its loaded rooms without writing them
 * back and refuses to load them again (`RoomManager.retire`), stops its vote deadlines and
 * closes its people's sockets (4412). What the deleting node
 * does before deleting the rows, and every other node when told (`workshop-deleted`).
 */
export function forgetWorkshopHere(
  holders: WorkshopHolders,
  workshopId: string,
  participantIds: readonly string[],
): { rooms: number; sockets: number } {
  const dropped = holders.rooms.retire(workshopId);
  holders.votes.forget(workshopId);
  let closed = 0;
  for (const id of participantIds)
    closed += holders.sockets.disconnect(id, CLOSE_CODES.workshopDeleted, 'workshop deleted');
  return { rooms: dropped.length, sockets: closed };
}

export interface WorkshopDeletionDeps extends WorkshopHolders {
  /** The deleting node's rooms: it also waits for their writes in flight before the purge. */
  rooms: Pick<RoomManager, 'retire' | 'dropsSettled'>;
  workshops: Pick<WorkshopStore, 'participants'>;
  purge: PurgeStore;
  activity: Pick<ActivityTracker, 'forget'>;
  /** Tells the other nodes (none in the embedded mode). */
  events: NodeEvents;
  log: Logger;
}

export function createWorkshopDeletion(deps: WorkshopDeletionDeps): WorkshopDeletion {
  const { workshops, purge, activity, events, log } = deps;
  return {
    async delete(workshopId, why) {
      const participantIds = (await workshops.participants(workshopId)).map((person) => person.id);
      // The rooms are dropped (and refused from now on) and the sockets closed before anything
      // else is awaited, so nothing writes the workshop back once it is gone, and a reconnect
      // while the purge runs loads nothing here.
      const here = forgetWorkshopHere(deps, workshopId, participantIds);
      // Sent now, awaited after: the other nodes let go of it (and refuse its rooms) while the
      // rows are deleted.
      const told = events
        .publish({ type: 'workshop-deleted', workshopId, participantIds })
        .catch((error: unknown) =>
          log.error({ err: error, workshopId }, 'node events: the other nodes were not told of a deletion'),
        );
      // This node's writes already in flight for its rooms (a turn, a compaction) end first.
      await deps.rooms.dropsSettled();
      const existed = await purge.deleteWorkshop(workshopId);
      activity.forget(workshopId);
      await told;
      const { busy } = await purge.scrub();
      // The id only: titles and names never go into logs.
      log.info({ workshopId, why, rooms: here.rooms, sockets: here.sockets, existed }, 'workshop deleted');
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

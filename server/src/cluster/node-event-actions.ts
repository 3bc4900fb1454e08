/**
 * What a node does when another node tells it what it did (docs/scale-out.md, "Node events"):
 * the same as the deciding node does to what it holds itself, here, for what this node holds.
 */
import { draftsRoomName } from '@atelier/shared';
import type { Logger } from '../log';
import { forgetWorkshopHere, type WorkshopHolders } from '../privacy/deletion';
import { type DraftsHolders, eraseDraftsHere } from '../privacy/erasure';
import type { ActivityTracker } from '../store/activity';
import type { PurgeStore } from '../store/purge';
import type { RoomManager } from '../sync/rooms';
import type { NodeEventHandler } from './node-events';

export interface NodeEventActionsDeps extends WorkshopHolders, DraftsHolders {
  rooms: Pick<RoomManager, 'retire' | 'retireRoom' | 'dropsSettled'>;
  purge: Pick<PurgeStore, 'deleteWorkshop' | 'deleteDoc' | 'scrub'>;
  activity: Pick<ActivityTracker, 'forget'>;
  /**
   * A workshop's rounds changed on another node: the lease holder of its duties reschedules its
   * deadlines (docs/scale-out.md, "3. Single-writer duties"); none until the leases are wired.
   */
  roundsChanged?: (workshopId: string) => void | Promise<void>;
  log: Logger;
}

export function actOnNodeEvents(deps: NodeEventActionsDeps): NodeEventHandler {
  const { activity, log } = deps;
  return async (event, from) => {
    switch (event.type) {
      case 'workshop-deleted': {
        const here = forgetWorkshopHere(deps, event.workshopId, event.participantIds);
        activity.forget(event.workshopId);
        log.info(
          { workshopId: event.workshopId, from, ...here },
          'workshop deleted on another node: let go here',
        );
        // The deleting node does not wait for this node: a turn or a compaction of its rooms in
        // flight here can commit after that node's purge. Once they ended, the purge again (the
        // rows are gone, or only what this node wrote is left); a node that held none of its
        // rooms had nothing in flight.
        if (here.rooms > 0) {
          await deps.rooms.dropsSettled();
          await deps.purge.deleteWorkshop(event.workshopId);
          await deps.purge.scrub();
          log.info(
            { workshopId: event.workshopId, from },
            'workshop deleted on another node: purged again here',
          );
        }
        return;
      }
      case 'participant-disconnect': {
        const closed = deps.sockets.disconnect(event.participantId, event.code, event.reason);
        if (closed > 0)
          log.info(
            { participantId: event.participantId, code: event.code, from, sockets: closed },
            'participant disconnected by another node',
          );
        return;
      }
      case 'drafts-erased': {
        const drafts = draftsRoomName(event.workshopId, event.participantId);
        // Held here: what this node wrote of it before letting go leaves the disk too.
        if (await eraseDraftsHere(deps, drafts)) await deps.purge.scrub();
        log.info(
          { workshopId: event.workshopId, participantId: event.participantId, from },
          "participant's drafts erased on another node: let go here",
        );
        return;
      }
      case 'rounds-changed':
        await deps.roundsChanged?.(event.workshopId);
        return;
    }
  };
}

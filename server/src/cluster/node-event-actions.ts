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
   * A workshop's rounds changed on another node: the faces this node keeps for its control room
   * are read again (`VoteService.changedElsewhere`). Deadlines need nothing: the node that
   * opened or extended a round keeps its timer, the deadline sweep closes the rest.
   */
  roundsChanged?: (workshopId: string) => void | Promise<void>;
  log: Logger;
}

export function actOnNodeEvents(deps: NodeEventActionsDeps): NodeEventHandler {
  const { activity, log } = deps;
  /**
   * Runs `work` without holding the next events: it waits for this node's writes in flight, which
   * a database that does not answer can hold for long. Logs what it says, or its failure.
   */
  const meanwhile = (fields: Record<string, string>, work: () => Promise<string>): void => {
    work().then(
      (done) => log.info(fields, done),
      (error: unknown) =>
        log.error(
          { ...fields, err: error },
          'node events: rows this node wrote may be left, the purge failed',
        ),
    );
  };
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
        if (here.rooms > 0)
          meanwhile({ workshopId: event.workshopId, from }, async () => {
            await deps.rooms.dropsSettled();
            await deps.purge.deleteWorkshop(event.workshopId);
            await deps.purge.scrub();
            return 'workshop deleted on another node: purged again here';
          });
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
        // Dropped and refused at once; held here, what this node wrote of it leaves the disk too.
        const erasing = eraseDraftsHere(deps, drafts);
        meanwhile({ workshopId: event.workshopId, participantId: event.participantId, from }, async () => {
          if (await erasing) await deps.purge.scrub();
          return "participant's drafts erased on another node: let go here";
        });
        return;
      }
      case 'rounds-changed':
        await deps.roundsChanged?.(event.workshopId);
        return;
    }
  };
}

/**
 * What a node does when another node tells it what it did (docs/scale-out.md, "Node events"):
 * the same as the deciding node does to what it holds itself, here, for what this node holds.
 */
import type { Logger } from '../log';
import { forgetWorkshopHere, type WorkshopHolders } from '../privacy/deletion';
import type { ActivityTracker } from '../store/activity';
import type { NodeEventHandler } from './node-events';

export interface NodeEventActionsDeps extends WorkshopHolders {
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
  return async (event, from) => {
    switch (event.type) {
      case 'workshop-deleted': {
        const here = forgetWorkshopHere(deps, event.workshopId, event.participantIds);
        activity.forget(event.workshopId);
        log.info(
          { workshopId: event.workshopId, from, ...here },
          'workshop deleted on another node: let go here',
        );
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
      case 'rounds-changed':
        await deps.roundsChanged?.(event.workshopId);
        return;
    }
  };
}

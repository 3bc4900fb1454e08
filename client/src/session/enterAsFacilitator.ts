import type { CreateWorkshopResponse } from '@atelier/shared';
import { navigate } from '../routing/router';
import { boardPath } from '../routing/routes';
import { saveSession } from './session';

/**
 * Opens a workshop this browser just made (created, or imported from a strategy) as its
 * facilitator: the token is kept for the workshop, and the board opens with the share panel,
 * since the facilitator's first move is to share the code.
 */
export function enterAsFacilitator(created: CreateWorkshopResponse): void {
  saveSession(created.id, {
    token: created.facilitatorToken,
    participantId: created.participantId,
    role: 'facilitator',
    joinCode: created.joinCode,
    participantLink: created.links.participant,
  });
  navigate(boardPath(created.id), { state: { share: true } });
}

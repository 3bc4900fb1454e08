import type { CreateWorkshopResponse } from '@atelier/shared';
import { navigate } from '../routing/router';
import { boardPath } from '../routing/routes';
import { rememberWorkshop, type WorkshopFacts } from './remembered';
import { saveSession } from './session';

/**
 * Opens a workshop this browser just made (created, or imported from a strategy) as its
 * facilitator: the token is kept for the workshop, the workshop joins the facilitator's home
 * (with what the form knew of it; the board fills in the rest), and the board opens with the
 * share panel, since the facilitator's first move is to share the code.
 */
export function enterAsFacilitator(created: CreateWorkshopResponse, facts?: Omit<WorkshopFacts, 'id'>): void {
  saveSession(created.id, {
    token: created.facilitatorToken,
    participantId: created.participantId,
    role: 'facilitator',
    joinCode: created.joinCode,
    participantLink: created.links.participant,
  });
  if (facts) rememberWorkshop({ ...facts, id: created.id });
  navigate(boardPath(created.id), { state: { share: true } });
}

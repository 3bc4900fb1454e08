import type { CreateWorkshopResponse, Locale } from '@atelier/shared';
import type { ParticipantRecord, WorkshopRecord } from '../store/workshops';

/* What creating a workshop and importing one both answer: the routes share it from here. */

/** The link participants open (or scan) to join with `joinCode`. */
export const participantLink = (origin: string, joinCode: string) => `${origin}/join/${joinCode}`;

/** The link that opens a workshop with a token (a facilitator's, or a re-invited person's): the token stays in the fragment. */
export const workshopLink = (origin: string, workshopId: string, token: string) =>
  `${origin}/w/${workshopId}#token=${token}`;

/** The facilitator's name when they give none. */
export const defaultFacilitatorName = (locale: Locale) => (locale === 'fr' ? 'Animation' : 'Facilitator');

/** What creating a workshop answers (an import too): how its facilitator enters it, and the links to share. */
export function createdAnswer(
  origin: string,
  {
    workshop,
    facilitator,
    token,
  }: { workshop: WorkshopRecord; facilitator: ParticipantRecord; token: string },
): CreateWorkshopResponse {
  return {
    id: workshop.id,
    joinCode: workshop.joinCode,
    facilitatorToken: token,
    participantId: facilitator.id,
    links: {
      participant: participantLink(origin, workshop.joinCode),
      facilitator: workshopLink(origin, workshop.id, token),
    },
  };
}

import { DeleteWorkshopResponse, ParticipantSummary } from '@atelier/shared';
import { z } from 'zod';
import { fileNameFromDisposition } from './contentDisposition';
import type { ExportedFile } from './exports';
import { request, requestJson, workshopApiPath } from './http';

const Erased = z.object({ participant: ParticipantSummary, removedNotes: z.number() });

/** `POST /api/workshops/:id/participants/:pid/erase`: a facilitator replaces someone's name by a neutral label. */
export function eraseParticipant(
  workshopId: string,
  participantId: string,
  removeContributions: boolean,
  token: string,
): Promise<z.infer<typeof Erased>> {
  return requestJson(workshopApiPath(workshopId, 'participants', participantId, 'erase'), Erased, {
    method: 'POST',
    body: { removeContributions },
    token,
  });
}

/** `DELETE /api/workshops/:id`: the creator deletes the workshop for good, confirming with its title. */
export function deleteWorkshop(
  workshopId: string,
  confirm: string,
  token: string,
): Promise<DeleteWorkshopResponse> {
  return requestJson(workshopApiPath(workshopId), DeleteWorkshopResponse, {
    method: 'DELETE',
    body: { confirm },
    token,
  });
}

/** `GET /api/workshops/:id/participants/:pid/data`: everything the server holds of the caller, as a file. */
export async function fetchOwnData(
  workshopId: string,
  participantId: string,
  token: string,
): Promise<ExportedFile> {
  const response = await request(workshopApiPath(workshopId, 'participants', participantId, 'data'), {
    token,
  });
  return {
    blob: await response.blob(),
    fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'atelier-my-data.json',
  };
}

import { DraftCounts, RevealResponse } from '@atelier/shared';
import { requestJson, workshopApiPath } from './http';

/** `GET /api/workshops/:id/drafts`: how many private drafts each participant has (facilitators). */
export function fetchDraftCounts(
  workshopId: string,
  token: string,
  signal?: AbortSignal,
): Promise<DraftCounts> {
  return requestJson(workshopApiPath(workshopId, 'drafts'), DraftCounts, {
    token,
    ...(signal ? { signal } : {}),
  });
}

/** `POST /api/workshops/:id/reveal`: every draft onto the board at once, silent ideation off. */
export function revealDrafts(workshopId: string, token: string): Promise<RevealResponse> {
  return requestJson(workshopApiPath(workshopId, 'reveal'), RevealResponse, { method: 'POST', token });
}

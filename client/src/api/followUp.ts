import { FollowUpState, StatusImport } from '@atelier/shared';
import { errorFromAnswer, RequestError, request, requestJson, workshopApiPath } from './http';

/**
 * The public follow-up page ("droit de suite", docs/follow-up.md): the facilitator publishes it
 * at an unlisted link, takes it down, and updates the actions' progress from a status CSV.
 */

// The answers' shapes are the server's own (shared), re-exported for the panel.
export { FollowUpState, StatusImport };

const followUpPath = (workshopId: string) => workshopApiPath(workshopId, 'follow-up');

export function fetchFollowUp(
  workshopId: string,
  token: string,
  signal?: AbortSignal,
): Promise<FollowUpState> {
  return requestJson(followUpPath(workshopId), FollowUpState, { token, ...(signal ? { signal } : {}) });
}

/** Publishes the page, or changes whether it shows names (publishing again keeps the link). */
export function publishFollowUp(
  workshopId: string,
  showNames: boolean,
  token: string,
): Promise<FollowUpState> {
  return requestJson(followUpPath(workshopId), FollowUpState, { method: 'PUT', body: { showNames }, token });
}

/** Takes the page down: its link answers 404 from now on, even after publishing again. */
export async function takeDownFollowUp(workshopId: string, token: string): Promise<void> {
  await request(followUpPath(workshopId), { method: 'DELETE', token });
}

/**
 * Sends a status CSV as it is (`text/csv`, which `request`'s JSON bodies cannot carry). A
 * refused file is a `RequestError` (`bad_request`) whose `problems` give each line's problem;
 * nothing changed then.
 */
export async function importStatuses(workshopId: string, csv: string, token: string): Promise<StatusImport> {
  const path = `${followUpPath(workshopId)}/statuses`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'text/csv; charset=utf-8',
        Authorization: `Bearer ${token}`,
      },
      body: csv,
    });
  } catch (error) {
    throw new RequestError('network', error instanceof Error ? error.message : 'Network error', 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromAnswer(response.status, payload, response.headers.get('Retry-After'));
  const parsed = StatusImport.safeParse(payload);
  if (!parsed.success)
    throw new RequestError('invalid_response', `Unexpected answer from ${path}`, response.status);
  return parsed.data;
}

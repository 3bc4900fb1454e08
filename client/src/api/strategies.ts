import {
  ChangesResponse,
  type CreateSessionBody,
  CreateSessionResponse,
  type CreateStrategyBody,
  CreateStrategyResponse,
  DeleteStrategyResponse,
  FacilitateResponse,
  StrategyDetail,
} from '@atelier/shared';
import { requestJson } from './http';

/** `/api/strategies/:id`, then each further segment, every one of them URL-encoded. */
function strategyApiPath(strategyId: string, ...segments: string[]): string {
  return ['/api/strategies', strategyId, ...segments]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join('/');
}

/**
 * `POST /api/strategies`: a new strategy; with `fromWorkshop`, that workshop becomes its session 1
 * (then `token` is the workshop's creator token).
 */
export function createStrategy(body: CreateStrategyBody, token?: string): Promise<CreateStrategyResponse> {
  return requestJson('/api/strategies', CreateStrategyResponse, {
    method: 'POST',
    body,
    ...(token ? { token } : {}),
  });
}

/** `GET /api/strategies/:id`: the strategy and its sessions, in order. */
export function fetchStrategy(id: string, token: string, signal?: AbortSignal): Promise<StrategyDetail> {
  return requestJson(strategyApiPath(id), StrategyDetail, { token, ...(signal ? { signal } : {}) });
}

/** `POST /api/strategies/:id/sessions`: the next session, from an earlier one's outcome. */
export function createSession(
  id: string,
  token: string,
  body: CreateSessionBody,
): Promise<CreateSessionResponse> {
  return requestJson(strategyApiPath(id, 'sessions'), CreateSessionResponse, { method: 'POST', token, body });
}

/** `POST /api/strategies/:id/sessions/:workshopId/facilitate`: the strategy facilitator's way into a session. */
export function facilitateSession(
  id: string,
  workshopId: string,
  token: string,
): Promise<FacilitateResponse> {
  return requestJson(strategyApiPath(id, 'sessions', workshopId, 'facilitate'), FacilitateResponse, {
    method: 'POST',
    token,
  });
}

/** `PUT /api/strategies/:id/archived`: archive (joining closed everywhere) or restore. */
export function setStrategyArchived(id: string, token: string, archived: boolean): Promise<StrategyDetail> {
  return requestJson(strategyApiPath(id, 'archived'), StrategyDetail, {
    method: 'PUT',
    token,
    body: { archived },
  });
}

/** `GET /api/strategies/:id/changes?from&to`: what changed from one session to another. */
export function fetchChanges(
  id: string,
  token: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<ChangesResponse> {
  const query = new URLSearchParams({ from, to });
  return requestJson(`${strategyApiPath(id, 'changes')}?${query}`, ChangesResponse, {
    token,
    ...(signal ? { signal } : {}),
  });
}

/** `DELETE /api/strategies/:id`: the strategy and every session, confirmed with its title. */
export function deleteStrategy(id: string, token: string, confirm: string): Promise<DeleteStrategyResponse> {
  return requestJson(strategyApiPath(id), DeleteStrategyResponse, {
    method: 'DELETE',
    token,
    body: { confirm },
  });
}

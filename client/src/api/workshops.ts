import {
  type CreateWorkshopBody,
  CreateWorkshopResponse,
  type JoinBody,
  JoiningState,
  JoinResponse,
  RotateJoinCodeResponse,
  WorkshopPreview,
  WorkshopSummary,
} from '@atelier/shared';
import { requestJson, workshopApiPath } from './http';

/** `POST /api/workshops`: the facilitator creates a workshop. */
export function createWorkshop(body: CreateWorkshopBody): Promise<CreateWorkshopResponse> {
  return requestJson('/api/workshops', CreateWorkshopResponse, { method: 'POST', body });
}

/** `GET /api/join/:code`: what the join page shows before anyone types a name. */
export function previewWorkshop(code: string, signal?: AbortSignal): Promise<WorkshopPreview> {
  return requestJson(`/api/join/${encodeURIComponent(code)}`, WorkshopPreview, signal ? { signal } : {});
}

/** `POST /api/join`: a participant or observer joins with the code. */
export function joinWorkshop(body: JoinBody): Promise<JoinResponse> {
  return requestJson('/api/join', JoinResponse, { method: 'POST', body });
}

/** `GET /api/workshops/:id`: title, role, participants (and the join code for facilitators). */
export function fetchWorkshop(id: string, token: string, signal?: AbortSignal): Promise<WorkshopSummary> {
  return requestJson(workshopApiPath(id), WorkshopSummary, {
    token,
    ...(signal ? { signal } : {}),
  });
}

/** `PUT /api/workshops/:id/joining`: a facilitator closes joining (the code answers 410) or reopens it. */
export function setJoining(id: string, token: string, open: boolean): Promise<JoiningState> {
  return requestJson(workshopApiPath(id, 'joining'), JoiningState, { method: 'PUT', token, body: { open } });
}

/** `POST /api/workshops/:id/join-code`: a facilitator issues a new code; the old one stops opening the workshop. */
export function rotateJoinCode(id: string, token: string): Promise<RotateJoinCodeResponse> {
  return requestJson(workshopApiPath(id, 'join-code'), RotateJoinCodeResponse, {
    method: 'POST',
    token,
  });
}

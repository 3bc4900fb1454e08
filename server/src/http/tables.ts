import {
  ApiError,
  type SeatedPerson,
  TableBalanceResponse,
  TablePickBody,
  TablePickResponse,
  WorkshopPath,
} from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { WorkshopStore } from '../store/workshops';
import { workshopCaller, workshopFacilitator } from './auth';
import type { AppDeps } from './deps';
import { apiError } from './errors';
import { jsonContent, validationHook } from './openapi';

const pick = createRoute({
  method: 'post',
  path: '/api/workshops/{id}/tables/pick',
  summary: 'Choose one’s table (participants, when the facilitator lets people pick)',
  description:
    'Seats the caller at the table they chose, when the workshop’s seating mode is `pick` (control document `state.seating`). The server writes the seat into the control document (`seats`), so everyone sees it at once. Picking again moves the caller; picking their own table changes nothing.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath, body: { ...jsonContent(TablePickBody), required: true } },
  responses: {
    200: { description: 'Seated', ...jsonContent(TablePickResponse) },
    400: { description: 'Invalid workshop id or body', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: {
      description:
        'Not a participant (facilitators and observers are not seated this way), or people do not pick their table in this workshop',
      ...jsonContent(ApiError),
    },
    404: { description: 'Unknown workshop or table', ...jsonContent(ApiError) },
    409: {
      description: 'The table is full (`table_full`): it holds as many people as the cap',
      ...jsonContent(ApiError),
    },
  },
});

const balance = createRoute({
  method: 'post',
  path: '/api/workshops/{id}/tables/balance',
  summary: 'Seat every participant automatically (facilitators only)',
  description:
    'The facilitator’s “Répartir automatiquement”: seats every participant (not facilitators, not observers) at the tables so that sizes differ by at most one and each table gets a fair share of each participant group; people keep their table where the split allows. Written by the server into the control document’s `seats` in one transaction. Without tables, nobody is seated.',
  security: [{ bearer: [] }],
  request: { params: WorkshopPath },
  responses: {
    200: { description: 'Everyone’s table', ...jsonContent(TableBalanceResponse) },
    400: { description: 'Invalid workshop id', ...jsonContent(ApiError) },
    401: { description: 'No token, or not a token of this workshop', ...jsonContent(ApiError) },
    403: { description: 'Not a facilitator', ...jsonContent(ApiError) },
    404: { description: 'Unknown workshop', ...jsonContent(ApiError) },
  },
});

/** The people seated automatically: the workshop's participants still in it (never facilitators or observers). */
export async function seatablePeople(workshops: WorkshopStore, workshopId: string): Promise<SeatedPerson[]> {
  return (await workshops.participants(workshopId))
    .filter((p) => p.role === 'participant' && !p.removedAt)
    .map((p) => ({ id: p.id, group: p.group }));
}

/** Tables: a participant's pick and the facilitator's automatic split (docs/contract.md). */
export function tableRoutes(deps: AppDeps) {
  const { workshops, tables, log } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });

  app.openapi(pick, async (c) => {
    const { id } = c.req.valid('param');
    const { tableId } = c.req.valid('json');
    const caller = await workshopCaller(c, workshops, id);
    if (caller.error) return caller.error;
    if (caller.you.role !== 'participant')
      return apiError(c, 'forbidden', 'Only participants pick a table; facilitators seat people');
    const present = new Set((await seatablePeople(workshops, id)).map((p) => p.id));
    const outcome = await tables.pick(id, caller.you.id, tableId, present);
    if ('refused' in outcome) {
      switch (outcome.refused) {
        case 'not_pick_mode':
          return apiError(c, 'forbidden', 'The facilitator seats people at the tables in this workshop');
        case 'unknown_table':
          return apiError(c, 'not_found', 'This workshop has no such table');
        case 'table_full':
          return apiError(c, 'table_full', 'This table is full: choose another one');
      }
    }
    log.info({ workshopId: id, participantId: caller.you.id, tableId }, 'table picked');
    return c.json({ tableId: outcome.seated }, 200);
  });

  app.openapi(balance, async (c) => {
    const { id } = c.req.valid('param');
    const caller = await workshopFacilitator(c, workshops, id, 'Only facilitators seat people automatically');
    if (caller.error) return caller.error;
    const seats = await tables.balance(id, await seatablePeople(workshops, id));
    log.info({ workshopId: id, by: caller.you.id, seated: Object.keys(seats).length }, 'tables balanced');
    return c.json({ seats }, 200);
  });

  return app;
}

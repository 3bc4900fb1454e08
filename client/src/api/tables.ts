import { TableBalanceResponse, TablePickResponse } from '@atelier/shared';
import { requestJson, workshopApiPath } from './http';

/** `POST /api/workshops/:id/tables/pick`: a participant sits at a table (seating mode `pick`). */
export function pickTable(workshopId: string, tableId: string, token: string): Promise<TablePickResponse> {
  return requestJson(workshopApiPath(workshopId, 'tables', 'pick'), TablePickResponse, {
    method: 'POST',
    body: { tableId },
    token,
  });
}

/** `POST /api/workshops/:id/tables/balance`: the server seats every participant, mixing groups. */
export function balanceTables(workshopId: string, token: string): Promise<TableBalanceResponse> {
  return requestJson(workshopApiPath(workshopId, 'tables', 'balance'), TableBalanceResponse, {
    method: 'POST',
    token,
  });
}

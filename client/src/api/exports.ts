import {
  CreateStrategyResponse,
  CreateWorkshopResponse,
  exportFileName,
  type ImportWorkshopBody,
  type PackLicence,
} from '@atelier/shared';
import { z } from 'zod';
import { fileNameFromDisposition } from './contentDisposition';
import { request, requestJson, workshopApiPath } from './http';

/** The server's export formats (`GET …/export?format=`), with the extension of the file each gives. */
export const SERVER_EXPORT_FORMATS = {
  xlsx: 'xlsx',
  docx: 'docx',
  csv: 'zip',
  md: 'md',
  json: 'json',
} as const;
export type ServerExportFormat = keyof typeof SERVER_EXPORT_FORMATS;

/** A downloaded file and the name to save it under. */
export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

/**
 * `GET /api/workshops/:id/export?format=…&names=…` (facilitators): the workshop's outcome as
 * a file, named as the server says (Content-Disposition), or after the workshop and today.
 */
export function fetchExport(
  workshopId: string,
  format: ServerExportFormat,
  options: { token: string; includeNames: boolean; title: string },
): Promise<ExportedFile> {
  return fetchFile(workshopApiPath(workshopId, 'export'), format, options);
}

/** `GET /api/strategies/:id/export?format=…&names=…` (the strategy's token): every session in one file. */
export function fetchStrategyExport(
  strategyId: string,
  format: ServerExportFormat,
  options: { token: string; includeNames: boolean; title: string },
): Promise<ExportedFile> {
  return fetchFile(`/api/strategies/${encodeURIComponent(strategyId)}/export`, format, options);
}

async function fetchFile(
  path: string,
  format: ServerExportFormat,
  { token, includeNames, title }: { token: string; includeNames: boolean; title: string },
): Promise<ExportedFile> {
  const query = new URLSearchParams({ format, names: String(includeNames) });
  const response = await request(`${path}?${query}`, { token }, '*/*');
  const blob = await response.blob();
  const fileName =
    fileNameFromDisposition(response.headers.get('Content-Disposition')) ??
    exportFileName(title, new Date(), SERVER_EXPORT_FORMATS[format]);
  return { blob, fileName };
}

/**
 * `GET /api/workshops/:id/public-pack?licence=…` (facilitators): the "Pack données publiques" zip
 * (the sheets as beta.gouv rows, the Territoires en Transitions import, datapackage.json), never
 * with personal data, named as the server says.
 */
export async function fetchPublicPack(
  workshopId: string,
  { token, licence, title }: { token: string; licence: PackLicence; title: string },
): Promise<ExportedFile> {
  const query = new URLSearchParams({ licence });
  const response = await request(`${workshopApiPath(workshopId, 'public-pack')}?${query}`, { token }, '*/*');
  const blob = await response.blob();
  const fileName =
    fileNameFromDisposition(response.headers.get('Content-Disposition')) ??
    exportFileName(title, new Date(), 'zip').replace(/^atelier-/, 'pack-donnees-publiques-');
  return { blob, fileName };
}

/** A workshop file seeds a workshop; a strategy file (`kind: "strategy"`) a strategy with its sessions. */
export function importStrategyFile(
  body: ImportWorkshopBody,
): Promise<CreateWorkshopResponse | CreateStrategyResponse> {
  return requestJson('/api/workshops/import', z.union([CreateWorkshopResponse, CreateStrategyResponse]), {
    method: 'POST',
    body,
  });
}

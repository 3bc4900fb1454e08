import { type Strategy, strategyReport } from '@atelier/shared';
import { strategyCsvZip } from './csv';
import { reportDocx } from './docx';
import { reportMarkdown } from './markdown';
import { strategyXlsx } from './xlsx';

/** One export format: its file extension, media type and writer. */
export interface ExportFormat {
  extension: string;
  contentType: string;
  write(strategy: Strategy): Uint8Array | Promise<Uint8Array>;
}

const utf8 = new TextEncoder();

/** Every format `GET /api/workshops/{id}/export?format=…` writes, by name. */
export const EXPORT_FORMATS = {
  json: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    write: (strategy) => utf8.encode(`${JSON.stringify(strategy, null, 2)}\n`),
  },
  // The spreadsheet formats, written from the same tables (shared/src/strategy/tables.ts).
  csv: { extension: 'zip', contentType: 'application/zip', write: strategyCsvZip },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: strategyXlsx,
  },
  // The report, in the workshop's language: one model, two writers (shared/src/strategy/report.ts).
  md: {
    extension: 'md',
    contentType: 'text/markdown; charset=utf-8',
    write: (strategy) => utf8.encode(reportMarkdown(strategyReport(strategy, strategy.workshop.locale))),
  },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: (strategy) => reportDocx(strategyReport(strategy, strategy.workshop.locale)),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as [ExportFormatName, ...ExportFormatName[]];

import {
  type Strategy,
  type StrategyFile,
  strategyFileReport,
  strategyFileTables,
  strategyReport,
} from '@atelier/shared';
import { strategyCsvZip, tablesCsvZip } from './csv';
import { reportMarkdown } from './markdown';

/** One export format: its file extension, media type and writer. */
export interface ExportFormat<T = Strategy> {
  extension: string;
  contentType: string;
  write(content: T): Uint8Array | Promise<Uint8Array>;
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
    // exceljs and docx load on the first export, not at every server start (~0.4 s and ~0.05 s).
    write: async (strategy) => (await import('./xlsx')).strategyXlsx(strategy),
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
    write: async (strategy) =>
      (await import('./docx')).reportDocx(strategyReport(strategy, strategy.workshop.locale)),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as [ExportFormatName, ...ExportFormatName[]];

/**
 * Every format `GET /api/strategies/{id}/export?format=…` writes a strategy's file in (its
 * sessions, first and last sessions, changes, final state), by name: the same names, extensions
 * and media types as a workshop's.
 */
export const STRATEGY_FILE_FORMATS = {
  json: { ...EXPORT_FORMATS.json, write: (file) => utf8.encode(`${JSON.stringify(file, null, 2)}\n`) },
  csv: {
    ...EXPORT_FORMATS.csv,
    write: (file) =>
      tablesCsvZip(
        strategyFileTables(file, file.strategy.locale),
        file.strategy.locale,
        new Date(file.provenance.exportedAt),
      ),
  },
  xlsx: {
    ...EXPORT_FORMATS.xlsx,
    write: async (file) =>
      (await import('./xlsx')).tablesXlsx(
        strategyFileTables(file, file.strategy.locale),
        file.strategy.locale,
        {
          title: file.strategy.title,
          subject: file.strategy.territory.name,
          at: new Date(file.provenance.exportedAt),
        },
      ),
  },
  md: {
    ...EXPORT_FORMATS.md,
    write: (file) => utf8.encode(reportMarkdown(strategyFileReport(file, file.strategy.locale))),
  },
  docx: {
    ...EXPORT_FORMATS.docx,
    write: async (file) =>
      (await import('./docx')).reportDocx(strategyFileReport(file, file.strategy.locale)),
  },
} satisfies Record<ExportFormatName, ExportFormat<StrategyFile>>;

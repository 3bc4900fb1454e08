import {
  type Cell,
  type ColumnType,
  type Locale,
  type Strategy,
  type StrategyTable,
  strategyTables,
  translate,
} from '@atelier/shared';
import ExcelJS from 'exceljs';
import { neutralise } from './neutralise';

/**
 * The Excel export: one worksheet per table of `strategyTables`, in the workshop's locale.
 * Cells are typed (numbers as numbers, euros with a euro format, dates as real dates with the
 * locale's date format, booleans as booleans), the header row is bold and frozen with an
 * autofilter, widths follow the tables' hints and prose wraps. Text that a spreadsheet would
 * read as a formula is neutralised as in the CSV (neutralise.ts), and no cell holds a
 * formula: every value is written as a value.
 */

/** Excel's limit on the characters of one cell. */
export const CELL_MAX = 32_767;
const SHEET_NAME_MAX = 31;

/** Format codes are stored locale-independent (`,` grouping, `.` decimals); Excel shows them the user's way. */
const FORMATS: Record<Locale, Partial<Record<ColumnType, string>>> = {
  fr: { euros: '#,##0.00 "€"', date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm', integer: '0' },
  en: { euros: '"€"#,##0.00', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', integer: '0' },
};

/** Text cut to Excel's cell limit, with a marker saying so (never splitting a surrogate pair). */
export function fitCell(text: string, locale: Locale): string {
  if (text.length <= CELL_MAX) return text;
  const marker = ` ${translate(locale, 'export.tables.truncated')}`;
  let end = CELL_MAX - marker.length;
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end -= 1;
  return `${text.slice(0, end)}${marker}`;
}

/** A valid, unique sheet name: none of `[]:*?/\`, no quote at either end, 31 characters at most. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = clean.slice(0, SHEET_NAME_MAX);
  for (let n = 2; taken.has(name.toLowerCase()); n += 1)
    name = `${clean.slice(0, SHEET_NAME_MAX - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** What exceljs stores for one cell of the model, or `null` for an empty cell. */
function cellValue(value: Cell, type: ColumnType, locale: Locale): ExcelJS.CellValue {
  if (typeof value !== 'string') return value;
  if (type === 'date') return new Date(`${value}T00:00:00.000Z`);
  if (type === 'datetime') return new Date(value);
  return fitCell(neutralise(value), locale);
}

function addSheet(workbook: ExcelJS.Workbook, table: StrategyTable, locale: Locale, taken: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(table.title, taken), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }],
  });
  sheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  table.columns.forEach((column, i) => {
    header.getCell(i + 1).value = neutralise(column.header);
  });
  header.height = rowHeight(table.columns, (key) => table.columns.find((c) => c.key === key)?.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  table.rows.forEach((row, r) => {
    const line = sheet.getRow(r + 2);
    table.columns.forEach((column, i) => {
      const cell = line.getCell(i + 1);
      const value = cellValue(row[column.key] ?? null, column.type, locale);
      if (value !== null) cell.value = value;
      const format = FORMATS[locale][column.type];
      if (format) cell.numFmt = format;
      cell.alignment = { vertical: 'top', wrapText: column.type === 'longText' };
    });
    line.height = rowHeight(
      table.columns.filter((column) => column.type === 'longText'),
      (key) => row[key],
    );
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length },
  };
}

/** Points per line of Calibri 11, and Excel's tallest row. */
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;

/**
 * The height a row of wrapped text needs: LibreOffice keeps the default one-line height of a row
 * written without one (its wrapped lines then run over the next rows), so it is estimated here
 * from each wrapped cell's text and column width (about one character per width unit).
 */
function rowHeight(
  columns: readonly { key: string; width: number }[],
  textOf: (key: string) => unknown,
): number {
  let lines = 1;
  for (const column of columns) {
    const value = textOf(column.key);
    if (typeof value !== 'string' || value === '') continue;
    const perLine = Math.max(1, Math.floor(column.width * 1.1));
    const needed = value
      .split('\n')
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);
}

/** The workbook of `tables`, with its document properties. */
export async function tablesXlsx(
  tables: readonly StrategyTable[],
  locale: Locale,
  properties: { title: string; subject: string; at: Date },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atelier';
  workbook.lastModifiedBy = 'Atelier';
  workbook.title = properties.title;
  workbook.subject = properties.subject;
  workbook.created = properties.at;
  workbook.modified = properties.at;
  const taken = new Set<string>();
  for (const table of tables) addSheet(workbook, table, locale, taken);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The strategy as an Excel workbook, in the workshop's locale. */
export function strategyXlsx(strategy: Strategy): Promise<Uint8Array> {
  const locale = strategy.workshop.locale;
  return tablesXlsx(strategyTables(strategy, locale), locale, {
    title: strategy.workshop.title,
    subject: strategy.workshop.territory.name,
    at: new Date(strategy.provenance.exportedAt),
  });
}

import {
  type Cell,
  type ColumnType,
  type Locale,
  type Strategy,
  type StrategyTable,
  strategyTables,
  translate,
} from '@atelier/shared';
import { zipSync } from 'fflate';
import { neutralise } from './neutralise';

/**
 * The CSV export: a zip of one CSV file per table of `strategyTables` (`notes.csv`…), written
 * so that a double click opens each in the workshop's locale's Excel with every column right:
 *
 * - UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the system's code page);
 * - French: `;` between fields and a decimal comma (`250000,5`), what French Excel expects
 *   (with `,` it puts a whole line in one column, and it reads `250000.5` as text); English:
 *   `,` and a decimal point. No thousands separator, no currency sign: amounts stay numbers,
 *   the header says they are in euros;
 * - RFC 4180: fields holding the separator, a quote, CR or LF are quoted, quotes doubled,
 *   lines end with CRLF;
 * - dates `YYYY-MM-DD`, instants `YYYY-MM-DD HH:MM:SS` in UTC (headers say so): both
 *   locales' Excel read them as dates; booleans as the locale's Excel writes them
 *   (`VRAI`/`FAUX`, `TRUE`/`FALSE`);
 * - text a spreadsheet would read as a formula is neutralised (neutralise.ts); numbers never are.
 */

interface Dialect {
  separator: string;
  decimal: string;
}

const DIALECTS: Record<Locale, Dialect> = {
  fr: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

const BOM = '\uFEFF';
const utf8 = new TextEncoder();

/** A number as digits, never in exponent form (values are bounded well below 1e21). */
function plainNumber(n: number, decimal: string): string {
  let text = String(n);
  if (/e/i.test(text)) text = n.toFixed(20).replace(/\.?0+$/, '');
  return text.replace('.', decimal);
}

/** One cell's text, before quoting. */
export function csvValue(value: Cell, type: ColumnType, locale: Locale): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value, DIALECTS[locale].decimal);
  if (typeof value === 'boolean')
    return translate(locale, value ? 'export.tables.true' : 'export.tables.false');
  if (type === 'datetime') return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
  if (type === 'date') return value;
  return neutralise(value);
}

function quoted(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One table as CSV text, byte-order mark included. */
export function tableCsv(table: StrategyTable, locale: Locale): string {
  const { separator } = DIALECTS[locale];
  const line = (fields: string[]) => fields.map((f) => quoted(f, separator)).join(separator);
  const lines = [
    line(table.columns.map((c) => neutralise(c.header))),
    ...table.rows.map((row) => line(table.columns.map((c) => csvValue(row[c.key] ?? null, c.type, locale)))),
  ];
  return `${BOM}${lines.map((l) => `${l}\r\n`).join('')}`;
}

/** The zip of every table's CSV, in the workshop's locale. */
export function strategyCsvZip(strategy: Strategy): Uint8Array {
  const locale = strategy.workshop.locale;
  return tablesCsvZip(strategyTables(strategy, locale), locale, new Date(strategy.provenance.exportedAt));
}

/** The zip of one CSV per table (`notes.csv`…), its files dated `at`. */
export function tablesCsvZip(tables: readonly StrategyTable[], locale: Locale, at: Date): Uint8Array {
  const files = Object.fromEntries(
    tables.map((table) => [`${table.name}.csv`, utf8.encode(tableCsv(table, locale))]),
  );
  return zipSync(files, { level: 6, mtime: at });
}

import { type ExportKey, translate, type Vars } from '../i18n/translate';
import type { Locale } from '../schema/enums';

/**
 * The flat-table model the spreadsheet exports (CSV, Excel) are written from: tables of typed
 * columns and plain cells, built by `strategyTables` (tables.ts).
 *
 * Cell values are plain: text, numbers (euros are numbers in euros), booleans, or `null`
 * for an empty cell. Dates stay ISO strings, so the model is the same on every machine:
 * `date` cells are `YYYY-MM-DD`, `datetime` cells an instant in UTC (`2026-12-03T09:01:00.000Z`);
 * each writer turns them into what its format reads as a date.
 */

/** How a column's values read: the writers choose a cell type and format from it. */
export type ColumnType =
  /** A stable id: text, never wrapped. */
  | 'id'
  /** A short text or a translated enum value. */
  | 'text'
  /** Prose (notes, descriptions…): wrapped. */
  | 'longText'
  | 'integer'
  | 'number'
  /** An amount in euros. */
  | 'euros'
  /** `YYYY-MM-DD`. */
  | 'date'
  /** ISO 8601 instant in UTC. */
  | 'datetime'
  | 'boolean';

export type Cell = string | number | boolean | null;

export interface TableColumn {
  /** Stable machine key of the column (the same in every locale). */
  key: string;
  /** In the workshop's locale. */
  header: string;
  type: ColumnType;
  /** Suggested width, in characters. */
  width: number;
}

export interface StrategyTable {
  /** Stable machine name, the CSV file's name (`notes` → `notes.csv`). */
  name: string;
  /** In the workshop's locale; a valid sheet name (≤ 31 characters, none of `[]:*?/\`). */
  title: string;
  columns: TableColumn[];
  /** One record per row, keyed by column key. */
  rows: Record<string, Cell>[];
}

const WIDTHS: Record<ColumnType, number> = {
  id: 14,
  text: 24,
  longText: 50,
  integer: 10,
  number: 12,
  euros: 16,
  date: 12,
  datetime: 18,
  boolean: 10,
};

export interface ColumnSpec<T> {
  key: string;
  header: string;
  type: ColumnType;
  width?: number;
  value: (item: T) => Cell;
}

export function table<T>(
  name: string,
  title: string,
  items: readonly T[],
  specs: ColumnSpec<T>[],
): StrategyTable {
  return {
    name,
    title,
    columns: specs.map(({ key, header, type, width }) => ({
      key,
      header,
      type,
      width: width ?? WIDTHS[type],
    })),
    rows: items.map((item) => Object.fromEntries(specs.map((spec) => [spec.key, spec.value(item)]))),
  };
}

/** The words of the tables in one locale: `t` any key, `T` a key of the tables' own section. */
export function words(locale: Locale) {
  const t = (key: ExportKey, vars?: Vars) => translate(locale, key, vars);
  const T = (key: TablesKey) => t(`export.tables.${key}`);
  const idOf = (what: string) => t('export.tables.idOf', { what });
  return { t, T, idOf };
}
export type TablesKey = ExportKey extends infer K
  ? K extends `export.tables.${infer Rest}`
    ? Rest
    : never
  : never;

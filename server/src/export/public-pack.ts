import { createHash } from 'node:crypto';
import {
  collectivitesTable,
  dataCard,
  indicatorsTable,
  type PackCell,
  type PackFile,
  type PackLicence,
  type PackTable,
  packDescriptor,
  projectsTable,
  type Strategy,
  TET_COLUMN_KINDS,
  TET_COLUMNS,
  tetRows,
} from '@atelier/shared';
import { strToU8, zipSync } from 'fflate';
import { neutralise } from './neutralise';

/*
 * The "Pack données publiques" zip (issue 20 §3; docs/public-pack.md): the tables of
 * `shared/src/publicPack` as standard CSV files (UTF-8 without a byte-order mark, `,`, `.` for
 * decimals, RFC 4180 quoting, CRLF: what the Frictionless default dialect and the beta.gouv
 * examples read), the Territoires en Transitions import workbook, `datapackage.json` and the data
 * card `LISEZMOI.md`. Text a spreadsheet would read as a formula is neutralised, as in every
 * export (neutralise.ts).
 */

/** A namespace of Atelier's for name-based UUIDs (RFC 9562 v5): the same entity, the same UUID, in every export. */
const NAMESPACE = Buffer.from('6f1d7c2e8a4b4f0e9d3a5b6c7d8e9f01', 'hex');

/** The v5 UUID of `name`. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function csvField(value: PackCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One table as CSV text: the header of its schema's field names, then its rows. */
export function packCsv(table: PackTable): string {
  const names = table.schema.fields.map((f) => f.name);
  const lines = [
    names.join(','),
    ...table.rows.map((row) => names.map((n) => csvField(row[n] ?? null)).join(',')),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

const TET_FILE: PackFile = {
  name: 'plan-action-territoires-en-transitions',
  path: 'plan-action-territoires-en-transitions.xlsx',
  title: 'Plan d’action, à importer dans Territoires en Transitions',
  description:
    'Les axes, enjeux et fiches action au format d’import de plan d’action de Territoires en Transitions (onglet « Fichier dimport » : libellés en ligne 2, données à partir de la ligne 4).',
  format: 'xlsx',
  mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The Territoires en Transitions workbook: its import sheet, as its parser reads it. */
async function tetWorkbook(s: Strategy): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atelier';
  workbook.created = new Date(s.provenance.exportedAt);
  const sheet = workbook.addWorksheet('Fichier dimport');
  sheet.addRow([`Plan d’action — ${neutralise(s.workshop.title)}`]);
  sheet.addRow([...TET_COLUMNS]);
  sheet.addRow([...TET_COLUMN_KINDS]);
  for (const row of tetRows(s))
    sheet.addRow(
      row.map((cell) => {
        if (cell === null) return null;
        if (typeof cell === 'number') return cell;
        if (typeof cell === 'object') return new Date(`${cell.date}T00:00:00Z`);
        return neutralise(cell);
      }),
    );
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i < 4 ? 30 : 18;
    if (TET_COLUMNS[i]?.startsWith('Date')) column.numFmt = 'dd/mm/yyyy';
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The pack's files, by path in the zip: CSV tables, TET workbook, descriptor, data card. */
export async function publicPackFiles(
  s: Strategy,
  licence: PackLicence,
): Promise<Record<string, Uint8Array>> {
  const at = s.provenance.exportedAt;
  const uuidOf = (kind: string, id: string) => uuidV5(`${s.workshop.id}/${kind}/${id}`);
  const tables = [
    projectsTable(s, uuidOf, at),
    collectivitesTable(s, uuidOf, at),
    indicatorsTable(s, uuidOf),
  ];
  const files: Record<string, Uint8Array> = {};
  for (const table of tables) files[table.path] = strToU8(packCsv(table));
  files[TET_FILE.path] = await tetWorkbook(s);
  files['datapackage.json'] = strToU8(
    `${JSON.stringify(packDescriptor(s, tables, [TET_FILE], { licence, at }), null, 2)}\n`,
  );
  files['LISEZMOI.md'] = strToU8(dataCard(s, tables, [TET_FILE], at));
  return files;
}

/** The pack as one zip. */
export async function publicPackZip(s: Strategy, licence: PackLicence): Promise<Uint8Array> {
  const mtime = new Date(s.provenance.exportedAt);
  const files = await publicPackFiles(s, licence);
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [bytes, { mtime }]])),
  );
}

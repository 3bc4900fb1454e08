import { buildStrategy, type StrategyTable } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CELL_MAX, sheetName, strategyXlsx, tablesXlsx } from './xlsx';

const strategy = (locale: 'fr' | 'en' = 'fr') => {
  const { source } = fixtureWorkshop();
  return buildStrategy({ ...source, workshop: { ...source.workshop, locale } });
};

async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
}

/** Row `id`'s cell under `header`, as Excel holds it. */
function cellOf(sheet: ExcelJS.Worksheet, id: string, header: string) {
  const headers = sheet.getRow(1).values as unknown[];
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`No column ${header} in ${sheet.name}`);
  for (let r = 2; r <= sheet.rowCount; r += 1)
    if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r).getCell(column);
  throw new Error(`No row ${id} in ${sheet.name}`);
}

describe('strategyXlsx', () => {
  it('writes one sheet per table with a bold, frozen, filtered header and the workbook’s properties', async () => {
    const workbook = await read(await strategyXlsx(strategy()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Atelier',
      'Thématiques',
      'Contributions',
      'Enjeux',
      'Axes stratégiques',
      'Fiches action',
      'Lignes de financement',
      'Jalons',
      'Partenaires',
      'Indicateurs',
      'Votes',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.autoFilter, sheet.name).toMatch(/^A1:[A-Z]+\d+$/);
    }
    expect(sheetOf(workbook, 'Contributions').autoFilter).toBe('A1:I7');
    expect(sheetOf(workbook, 'Fiches action').getColumn(8).width).toBe(50);
    expect(workbook.creator).toBe('Atelier');
    expect(workbook.title).toBe('Stratégie d’innovation — Val de Loue');
    expect(workbook.subject).toBe('Communauté d’agglomération du Val de Loue');
  });

  it('types its cells: numbers, euros, dates, booleans and text', async () => {
    const workbook = await read(await strategyXlsx(strategy()));
    const actions = sheetOf(workbook, 'Fiches action');
    const budget = cellOf(actions, 's-tad', 'Budget prévisionnel (€ HT)');
    expect([budget.type, budget.value, budget.numFmt]).toEqual([
      ExcelJS.ValueType.Number,
      250_000.5,
      '#,##0.00 "€"',
    ]);
    expect(cellOf(actions, 's-free', 'Budget prévisionnel (€ HT)').type).toBe(ExcelJS.ValueType.Null);
    expect(cellOf(actions, 's-tad', 'Statut').value).toBe('Validée');
    expect(cellOf(actions, 's-tad', 'Description / contenu de l’action').alignment?.wrapText).toBe(true);
    const created = cellOf(actions, 's-tad', 'Date de création (UTC)');
    expect([created.type, created.value, created.numFmt]).toEqual([
      ExcelJS.ValueType.Date,
      new Date('2026-12-03T09:09:00.000Z'),
      'dd/mm/yyyy hh:mm',
    ]);
    const milestone = cellOf(sheetOf(workbook, 'Jalons'), 'm-1', 'Date');
    expect([milestone.type, milestone.value, milestone.numFmt]).toEqual([
      ExcelJS.ValueType.Date,
      new Date('2027-03-15T00:00:00.000Z'),
      'dd/mm/yyyy',
    ]);
    const target = cellOf(sheetOf(workbook, 'Indicateurs'), 'k-2', 'Valeur cible');
    expect([target.type, target.value]).toEqual([ExcelJS.ValueType.Number, -40.5]);
    const archived = cellOf(sheetOf(workbook, 'Thématiques'), 'economy', 'Retirée');
    expect([archived.type, archived.value]).toEqual([ExcelJS.ValueType.Boolean, true]);
    const en = await read(await strategyXlsx(strategy('en')));
    expect(cellOf(sheetOf(en, 'Action sheets'), 's-tad', 'Estimated budget (€ excl. VAT)').numFmt).toBe(
      '"€"#,##0.00',
    );
  });

  it('stores formula-like text as neutralised text and never a formula', async () => {
    const bytes = await strategyXlsx(strategy());
    const workbook = await read(bytes);
    expect(cellOf(sheetOf(workbook, 'Contributions'), 'n2', 'Texte').value).toBe(
      '\'=HYPERLINK("http://evil")',
    );
    expect(cellOf(sheetOf(workbook, 'Lignes de financement'), 'f-2', 'Précision').value).toBe(
      "'@fonds local",
    );
    expect(cellOf(sheetOf(workbook, 'Fiches action'), 's-tad', 'Risques / points de vigilance').value).toBe(
      "'+33 6 12 34 56 78 : fréquentation faible",
    );
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
    // In the file itself: no formula element in any sheet.
    const parts = unzipSync(bytes);
    const sheets = Object.keys(parts).filter((p) => p.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(11);
    for (const part of sheets) expect(strFromU8(parts[part]!)).not.toMatch(/<f[ >]/);
  });
});

describe('tablesXlsx', () => {
  it('cuts a cell over Excel’s limit with a marker, and makes any title a valid sheet name', async () => {
    const table = (title: string, text: string): StrategyTable => ({
      name: 'long',
      title,
      columns: [{ key: 'text', header: 'Texte', type: 'longText', width: 50 }],
      rows: [{ text }],
    });
    const bytes = await tablesXlsx(
      [table('Notes: [brouillon] / 2026?', 'é'.repeat(40_000)), table('notes: [brouillon] / 2026?', 'court')],
      'fr',
      { title: 'Essai', subject: 'Essai', at: new Date('2026-12-03T00:00:00Z') },
    );
    const workbook = await read(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Notes- -brouillon- - 2026-',
      'notes- -brouillon- - 2026- 2',
    ]);
    const long = String(workbook.worksheets[0]!.getCell('A2').value);
    expect(long.length).toBeLessThanOrEqual(CELL_MAX);
    expect(long.endsWith('é [texte tronqué]')).toBe(true);
  });

  it('keeps sheet names within 31 characters and unique', () => {
    const taken = new Set<string>();
    const long = 'Un intitulé bien plus long que trente et un caractères';
    expect(sheetName(long, taken)).toBe(long.slice(0, 31));
    expect(sheetName(long, taken)).toBe(`${long.slice(0, 29)} 2`);
    expect(sheetName("'Cité'", taken)).toBe('Cité');
    expect(sheetName('***', taken)).toBe('---');
  });
});

import { buildStrategy, type StrategyTable } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { strategyCsvZip, tableCsv } from './csv';

const strategy = (locale: 'fr' | 'en' = 'fr') => {
  const { source } = fixtureWorkshop();
  return buildStrategy({ ...source, workshop: { ...source.workshop, locale } });
};

const unzipped = (bytes: Uint8Array) =>
  Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [
      name,
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(data),
    ]),
  );

/** What a CSV reader gets back, the byte-order mark set aside. */
const parse = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n', skipEmptyLines: true })
    .data;

const awkward: StrategyTable = {
  name: 'awkward',
  title: 'Awkward',
  columns: [
    { key: 'text', header: 'Texte', type: 'longText', width: 50 },
    { key: 'n', header: 'Nombre', type: 'number', width: 10 },
    { key: 'euros', header: 'Montant (€)', type: 'euros', width: 10 },
    { key: 'day', header: 'Date', type: 'date', width: 10 },
    { key: 'at', header: 'Créé le (UTC)', type: 'datetime', width: 10 },
    { key: 'yes', header: 'Retirée', type: 'boolean', width: 10 },
  ],
  rows: [
    {
      text: 'Cafés ; commerces "fermés", le lundi',
      n: -40.5,
      euros: 250_000.5,
      day: '2027-03-15',
      at: '2026-12-03T09:01:00.000Z',
      yes: true,
    },
    { text: 'Deux lignes\r\net une', n: 1e-7, euros: 1_200_000, day: null, at: null, yes: false },
    { text: '=HYPERLINK("http://evil.example","clic")', n: 0, euros: 0, day: null, at: null, yes: null },
    { text: '+33 6 12 34 56 78', n: -1, euros: null, day: null, at: null, yes: null },
    { text: '-1 médecin', n: 2.333, euros: null, day: null, at: null, yes: null },
    { text: '@SUM(A1:A3)', n: null, euros: null, day: null, at: null, yes: null },
    { text: '\tcaché', n: null, euros: null, day: null, at: null, yes: null },
    { text: '\rretour', n: null, euros: null, day: null, at: null, yes: null },
  ],
};

describe('tableCsv', () => {
  it('writes French CSV for French Excel: BOM, semicolons, decimal commas, CRLF, RFC 4180 quoting', () => {
    const csv = tableCsv(awkward, 'fr');
    expect(csv.startsWith('\uFEFFTexte;Nombre;Montant (€);Date;Créé le (UTC);Retirée\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      '"Cafés ; commerces ""fermés"", le lundi";-40,5;250000,5;2027-03-15;2026-12-03 09:01:00;VRAI',
    );
    // A line break inside a field is quoted; every line ends with CRLF, the last one too.
    expect(csv).toContain('"Deux lignes\r\net une";0,0000001;1200000;;;FAUX\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
    expect(parse(csv, ';')[2]).toEqual(['Deux lignes\r\net une', '0,0000001', '1200000', '', '', 'FAUX']);
  });

  it('writes English CSV with commas and decimal points', () => {
    const csv = tableCsv(awkward, 'en');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFTexte,Nombre,Montant (€),Date,Créé le (UTC),Retirée');
    expect(csv.split('\r\n')[1]).toBe(
      '"Cafés ; commerces ""fermés"", le lundi",-40.5,250000.5,2027-03-15,2026-12-03 09:01:00,TRUE',
    );
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const rows = parse(tableCsv(awkward, 'fr'), ';');
    expect(rows.slice(3).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil.example","clic")',
      "'+33 6 12 34 56 78",
      "'-1 médecin",
      "'@SUM(A1:A3)",
      "'\tcaché",
      "'\rretour",
    ]);
    // Negative numbers are numbers, not formulas.
    expect(rows.slice(1).map((r) => r[1])).toEqual(['-40,5', '0,0000001', '0', '-1', '2,333', '', '', '']);
  });
});

describe('strategyCsvZip', () => {
  it('zips one CSV per table, in the workshop’s locale', () => {
    const files = unzipped(strategyCsvZip(strategy('fr')));
    expect(Object.keys(files)).toEqual([
      'workshop.csv',
      'themes.csv',
      'notes.csv',
      'issues.csv',
      'axes.csv',
      'actions.csv',
      'financing.csv',
      'milestones.csv',
      'partners.csv',
      'indicators.csv',
      'votes.csv',
    ]);
    for (const text of Object.values(files)) expect(text.startsWith('\uFEFF')).toBe(true);
    const notes = parse(files['notes.csv']!, ';');
    expect(notes[0]).toEqual([
      'Identifiant',
      'Texte',
      'Thématique (identifiant)',
      'Thématique',
      'Enjeu (identifiant)',
      'Enjeu',
      'Auteur·rice (identifiant)',
      'Collège de l’auteur·rice',
      'Date de création (UTC)',
    ]);
    expect(notes[2]).toEqual([
      'n2',
      '\'=HYPERLINK("http://evil")',
      'mobility',
      'Mobilités douces',
      'i-mob',
      'Mobilité du quotidien',
      'p-hugo',
      'Élu·e',
      '2026-12-03 09:02:00',
    ]);
    const actions = parse(files['actions.csv']!, ';');
    const budget = actions[0]!.indexOf('Budget prévisionnel (€ HT)');
    expect(actions[1]![budget]).toBe('250000,5');
    expect(actions[1]![actions[0]!.indexOf('Risques / points de vigilance')]).toBe(
      "'+33 6 12 34 56 78 : fréquentation faible",
    );
    const indicators = parse(files['indicators.csv']!, ';');
    expect(indicators[2]![indicators[0]!.indexOf('Valeur cible')]).toBe('-40,5');

    const en = unzipped(strategyCsvZip(strategy('en')));
    const financing = parse(en['financing.csv']!, ',');
    expect(financing[0]).toEqual([
      'Id',
      'Action sheet (id)',
      'Action sheet',
      'Source',
      'Details',
      'Amount (€)',
      'State',
    ]);
    expect(financing[2]).toEqual([
      'f-2',
      's-tad',
      'Transport à la demande',
      'Other',
      "'@fonds local",
      '50000.25',
      'To apply for',
    ]);
  });
});

/**
 * The "Pack données publiques" (issue 20 §3) through the public API: every CSV validates against
 * its Table Schema (the published beta.gouv ones, checked with a JSON Schema validator), the
 * descriptor against the Frictionless Data Package profiles (v1 and v2, frictionlessdata/datapackage
 * at 6a201af: fixtures/frictionless), a round trip reads the CSVs back and finds every sheet, the
 * Territoires en Transitions workbook passes its parser's checks, and nothing personal is in it.
 */
import {
  readActions,
  readIndicators,
  roomName,
  setActionCompetences,
  setActionDates,
  setActionLeadSiret,
  setActionLevers,
  setActionProgramme,
  setActionProgress,
  setTerritoryCodes,
  type TableSchema,
  TET_COLUMNS,
  updateIndicator,
} from '@atelier/shared';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkshop } from './export-workshop';
import datapackage1 from './fixtures/frictionless/datapackage-1.0.json';
import datapackage2 from './fixtures/frictionless/datapackage-2.0.json';
import tableschema1 from './fixtures/frictionless/tableschema-1.0.json';
import { connectDoc, useServer, waitDoc } from './harness';

const server = useServer();
let built: Awaited<ReturnType<typeof exportWorkshop>>;

const SIRET = '21250056500008';

beforeAll(async () => {
  built = await exportWorkshop(server);
  const id = built.cast.workshop.id;
  const board = await connectDoc(server.wsUrl, roomName(id, 'board'), built.fanny);
  const control = await connectDoc(server.wsUrl, roomName(id, 'control'), built.fanny);
  const { sheet } = built.ids.sheets;
  setActionCompetences(board.doc, sheet, ['90-82', '90-84']);
  setActionLevers(board.doc, sheet, ['Transports en commun', 'Covoiturage']);
  setActionProgramme(board.doc, sheet, 'Petites villes de demain');
  setActionLeadSiret(board.doc, sheet, SIRET);
  setActionDates(board.doc, sheet, { startDate: '2027-01-04', endDate: '2027-12-31' });
  setActionProgress(board.doc, sheet, 'in-progress');
  const emissions = readIndicators(board.doc).find((x) => x.name === 'Émissions');
  updateIndicator(board.doc, emissions?.id ?? '', { reference: 'cae_1.a' });
  setTerritoryCodes(control.doc, { insee: null, siren: '200067213' });
  // Written once a fresh client sees it.
  const check = await connectDoc(server.wsUrl, roomName(id, 'board'), built.fanny);
  // The last writes of each kind: the sheet's, then the indicator's (the wait once stopped at the
  // SIRET, and the indicator's reference could still be on its way when the pack was read).
  await waitDoc(
    check,
    (d) =>
      readActions(d).some((a) => a.leadSiret === SIRET && a.progress === 'in-progress') &&
      readIndicators(d).some((x) => x.name === 'Émissions' && x.reference === 'cae_1.a'),
    'the sheet’s fields and the indicator’s reference to be stored',
  );
  const checkControl = await connectDoc(server.wsUrl, roomName(id, 'control'), built.fanny);
  await waitDoc(
    checkControl,
    (d) => JSON.stringify(d.getMap('meta').get('territoryCodes')).includes('200067213'),
    'the territory’s codes to be stored',
  );
  for (const client of [board, control, check, checkControl]) client.destroy();
});
afterAll(() => built?.close());

async function download(token: string, query = '') {
  const response = await fetch(`${server.url}/api/workshops/${built.cast.workshop.id}/public-pack${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/**
 * A JSON Schema for one CSV row (every cell a string, `''` for missing) from a Table Schema: its
 * required fields, patterns, enums, formats, integers and numbers, and arrays as JSON text.
 */
function rowSchema(schema: TableSchema) {
  const properties: Record<string, object> = {};
  const required: string[] = [];
  for (const field of schema.fields) {
    const c = field.constraints ?? {};
    if (c.required) required.push(field.name);
    const present: Record<string, unknown> = { type: 'string', minLength: 1 };
    if (field.type === 'integer') present.pattern = '^-?\\d+$';
    else if (field.type === 'number') present.pattern = '^-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?$';
    else if (field.type === 'array') present.pattern = '^\\[.*\\]$';
    else if (c.pattern) present.pattern = c.pattern;
    if (field.format === 'uuid' || field.format === 'email') present.format = field.format;
    if (c.enum) present.enum = c.enum;
    properties[field.name] = c.required ? present : { anyOf: [{ const: '' }, present] };
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function readCsv(bytes: Uint8Array | undefined): Record<string, string>[] {
  const body = text(bytes);
  expect(body.startsWith('\uFEFF')).toBe(false);
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the public data pack', () => {
  it('validates: the descriptor against the Data Package profiles, each CSV against its Table Schema', async () => {
    const { response, bytes } = await download(built.fanny);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/filename="pack-donnees-publiques-.*\.zip"/);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      'LISEZMOI.md',
      'collectivites.csv',
      'datapackage.json',
      'indicateurs.csv',
      'plan-action-territoires-en-transitions.xlsx',
      'projets-territoire.csv',
    ]);

    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const descriptor = JSON.parse(text(files['datapackage.json']));
    for (const profile of [datapackage1, datapackage2]) {
      const validate = ajv.compile(profile);
      expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(descriptor.licenses).toEqual([
      {
        name: 'etalab-2.0',
        title: 'Licence Ouverte / Open Licence 2.0',
        path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
      },
    ]);
    const validateTableSchema = ajv.compile(tableschema1);
    const csvResources = descriptor.resources.filter((r: { format: string }) => r.format === 'csv');
    expect(csvResources.map((r: { path: string }) => r.path)).toEqual([
      'projets-territoire.csv',
      'collectivites.csv',
      'indicateurs.csv',
    ]);
    for (const resource of csvResources) {
      expect(
        validateTableSchema(resource.schema),
        `${resource.path}: ${JSON.stringify(validateTableSchema.errors)}`,
      ).toBe(true);
      const rows = readCsv(files[resource.path]);
      const header = text(files[resource.path]).split('\r\n')[0]?.split(',');
      expect(header).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
      const validateRow = ajv.compile(rowSchema(resource.schema));
      for (const row of rows)
        expect(validateRow(row), `${resource.path}: ${JSON.stringify(validateRow.errors)}`).toBe(true);
      // Arrays are JSON text, as the beta.gouv examples write them.
      for (const field of resource.schema.fields.filter((f: { type: string }) => f.type === 'array'))
        for (const row of rows) expect(Array.isArray(JSON.parse(row[field.name] ?? ''))).toBe(true);
    }
    expect(text(files['LISEZMOI.md'])).toContain('## Données personnelles');
    expect(descriptor.description).toBe(text(files['LISEZMOI.md']));
  });

  it('reads back every sheet from the CSVs, each field where the beta.gouv schema wants it', async () => {
    const files = unzipSync((await download(built.fanny)).bytes);
    const projects = readCsv(files['projets-territoire.csv']);
    const [collectivite] = readCsv(files['collectivites.csv']);
    expect(projects.map((p) => p.nom).sort()).toEqual(['Isolation des écoles', 'Transport à la demande']);
    expect(new Set(projects.map((p) => p.id)).size).toBe(2);
    const tad = projects.find((p) => p.nom === 'Transport à la demande');
    expect(tad).toMatchObject({
      // A formula only at the very start is one: this one is left as written.
      description: 'Réservation la veille.\n=2+2 minibus',
      budgetPrevisionnel: '250001',
      dateDebutPrevisionnelle: '2027-01-04',
      phase: 'Opération',
      phaseStatut: 'En cours',
      programme: 'Petites villes de demain',
      porteurCodeSiret: SIRET,
      porteurReferentEmail: '',
      porteurReferentNom: '',
      competences: '["90-82","90-84"]',
      leviers: '["Transports en commun","Covoiturage"]',
      collectiviteIds: JSON.stringify([collectivite?.id]),
    });
    expect(projects.find((p) => p.nom === 'Isolation des écoles')).toMatchObject({
      phase: 'Idée',
      phaseStatut: '',
    });
    expect(collectivite).toMatchObject({
      nom: 'Communauté de communes du Val Vert',
      type: 'EPCI',
      codeEpci: '200067213',
      siren: '200067213',
    });
    const indicators = readCsv(files['indicateurs.csv']);
    expect(indicators.map((x) => [x.nom, x.referenceCrte, x.projetId === tad?.id])).toEqual([
      ['Trajets par mois', '', true],
      ['Émissions', 'cae_1.a', false],
    ]);
    // The same entity keeps its UUID from one export to the next.
    const again = readCsv(unzipSync((await download(built.fanny)).bytes)['projets-territoire.csv']);
    expect(again.map((p) => p.id)).toEqual(projects.map((p) => p.id));
  });

  it('gives a Territoires en Transitions workbook its parser takes: A2 "Axe (x)", 28 labels, data from row 4', async () => {
    const files = unzipSync((await download(built.fanny)).bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(files['plan-action-territoires-en-transitions.xlsx'] ?? []) as never,
    );
    const sheet = workbook.worksheets.find((w) => w.getCell('A2').value === 'Axe (x)');
    if (!sheet) throw new Error('No sheet whose A2 reads "Axe (x)"');
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
    expect(header.slice(0, 28)).toEqual([...TET_COLUMNS]);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n < 4) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(TET_COLUMNS.map((label, i) => [`${i}:${label}`, values[i] ?? null])));
    });
    expect(rows.map((r) => r["3:Titre de l'action"])).toEqual([
      'Transport à la demande',
      'Isolation des écoles',
    ]);
    const [tad, schools] = rows;
    expect(tad).toMatchObject({
      '0:Axe (x)': '1. Un territoire accessible',
      '1:Sous-axe (x.x)': null,
      '12:Direction ou service pilote': 'Service mobilité',
      '11:Partenaires': 'Transdev',
      '17:Financeur 1': 'Région – Contrat mobilité',
      '18:Montant € HT': 100000,
      '23:Budget prévisionnel total € HT': 250000.5,
      '24:Statut': 'En cours',
      '25:Niveau de priorité': 'Élevé',
    });
    expect(tad?.['26:Date de début']).toEqual(new Date('2027-01-04T00:00:00Z'));
    // One issue under the axis "Sobriété énergétique": it is the action's sub-axis.
    expect(schools).toMatchObject({
      '0:Axe (x)': '2. Sobriété énergétique',
      '1:Sous-axe (x.x)': '2.1. Bâtiments <publics>',
      '24:Statut': 'A discuter',
    });
  });

  it('holds no personal data, takes another licence, and is the facilitator’s only', async () => {
    const files = unzipSync((await download(built.fanny, '?licence=ODbL-1.0')).bytes);
    const everything = Object.entries(files)
      .filter(([path]) => !path.endsWith('.xlsx'))
      .map(([, bytes]) => text(bytes))
      .join('\n');
    for (const name of [
      'Alice Martin',
      'Bob Dupont',
      'Hugo Petit',
      'Pas de bus après 19 h',
      'contact@example.org',
    ])
      expect(everything).not.toContain(name);
    expect(JSON.parse(text(files['datapackage.json'])).licenses[0].name).toBe('ODbL-1.0');
    expect((await download(built.fanny, '?licence=all-rights-reserved')).response.status).toBe(400);
    expect((await download(built.cast.alice.token)).response.status).toBe(403);
  });
});

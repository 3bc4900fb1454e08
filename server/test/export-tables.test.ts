import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkshop, NOTE_TEXTS } from './export-workshop';
import { useServer } from './harness';

const server = useServer();
let built: Awaited<ReturnType<typeof exportWorkshop>>;
beforeAll(async () => {
  built = await exportWorkshop(server);
});
afterAll(() => built?.close());

async function download(format: string, token: string) {
  const response = await fetch(
    `${server.url}/api/workshops/${built.cast.workshop.id}/export?format=${format}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Rows keyed by header, per table: the same shape from the workbook's sheets and the zip's files. */
type Tables = Record<string, Record<string, unknown>[]>;

/** The workbook's sheets (French titles) under the tables' names, each cell as Excel holds it. */
async function readWorkbook(bytes: Uint8Array): Promise<Tables> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const names: Record<string, string> = {
    Contributions: 'notes',
    Enjeux: 'issues',
    'Fiches action': 'actions',
    'Lignes de financement': 'financing',
    Indicateurs: 'indicators',
    Votes: 'votes',
  };
  const tables: Tables = {};
  for (const sheet of workbook.worksheets) {
    const name = names[sheet.name];
    if (!name) continue;
    const headers = sheet.getRow(1).values as string[];
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      rows.push(Object.fromEntries(headers.flatMap((h, c) => (h ? [[h, row.getCell(c).value ?? '']] : []))));
    });
    tables[name] = rows;
  }
  return tables;
}

/** The zip's CSV files (French: `;`, decimal comma), each cell as text. */
function readZip(bytes: Uint8Array): Tables {
  const tables: Tables = {};
  for (const [file, data] of Object.entries(unzipSync(bytes))) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
    expect(text.startsWith('\uFEFF'), file).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      delimiter: ';',
      newline: '\r\n',
      skipEmptyLines: true,
    });
    expect(parsed.errors, file).toEqual([]);
    tables[file.replace(/\.csv$/, '')] = parsed.data;
  }
  return tables;
}

/** A number as the spreadsheet reads it: a number cell, or French CSV digits. */
const num = (v: unknown) =>
  typeof v === 'number' ? v : v === '' ? null : Number(String(v).replace(',', '.'));

/** What a reader checks against what the clients wrote, the same for both formats. */
function outcome(tables: Tables) {
  const by = (table: string) => tables[table] ?? [];
  const [action] = by('actions');
  return {
    notes: by('notes')
      .map((n) => [n.Texte, n['Enjeu (identifiant)']])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    issues: by('issues').map((i) => [
      i.Identifiant,
      num(i.Rang),
      i.Titre,
      i['Axe stratégique (identifiant)'],
    ]),
    action: action && {
      id: action.Identifiant,
      axis: action['Axe stratégique (identifiant)'],
      issues: action['Enjeux (identifiants)'],
      title: action.Intitulé,
      objectives: action.Objectifs,
      description: action['Description / contenu de l’action'],
      lead: action['Pilote (service ou élu·e référent·e)'],
      targetPublic: action['Public cible'],
      partners: action.Partenaires,
      risks: action['Risques / points de vigilance'],
      budget: num(action['Budget prévisionnel (€ HT)']),
      structure: action['Montage juridique / contractuel'],
      priority: action.Priorité,
      status: action.Statut,
      total: num(action['Plan de financement : total (€)']),
      secured: num(action['Plan de financement : acquis (€)']),
      gap: num(action['Reste à financer (€)']),
      assessment: action['Démarche : Étude socio-économique'],
      model: action['Démarche : Modèle économique'],
      counts: [
        action['Nombre de jalons'],
        action['Nombre de partenaires'],
        action['Nombre d’indicateurs'],
      ].map(num),
    },
    financing: by('financing').map((l) => [
      l['Fiche action (identifiant)'],
      l.Source,
      l.Précision,
      num(l['Montant (€)']),
      l.État,
    ]),
    indicators: by('indicators').map((x) => [
      x['Fiche action (identifiant)'],
      x.Indicateur,
      num(x['Valeur de référence']),
      num(x['Valeur cible']),
      x.Fréquence,
    ]),
    votes: by('votes').map(
      ({ 'Tour de vote': round, 'Élément (identifiant)': target, Rang, Votant·es: voters, ...v }) => [
        round,
        target,
        num(Rang),
        num(v['Résultat (gommettes, note pondérée, points ou duels gagnés)']),
        num(voters),
      ],
    ),
  };
}

function expected() {
  const { issues, axes, sheets } = built.ids;
  const [a0, a1, a2] = NOTE_TEXTS.alice;
  const [b0, b1, b2] = NOTE_TEXTS.bob;
  const [h0, h1, h2] = NOTE_TEXTS.hugo;
  return {
    // Formula-like texts come back neutralised by a leading quote.
    notes: [
      [a0, issues.mobility],
      [`'${a1}`, issues.buildings],
      [a2, ''],
      [b0, issues.digital],
      [b1, issues.digital],
      [`'${b2}`, issues.buildings],
      [h0, issues.buildings],
      [`'${h1}`, issues.mobility],
      [`'${h2}`, ''],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    issues: [
      [issues.mobility, 1, 'Mobilité du quotidien', axes.access],
      [issues.digital, 2, 'Couverture numérique', axes.access],
      [issues.buildings, 3, 'Bâtiments <publics>', axes.energy],
    ],
    action: {
      id: sheets.sheet,
      axis: axes.access,
      issues: `${issues.mobility}, ${issues.digital}`,
      title: 'Transport à la demande',
      objectives: 'Desservir les villages le soir',
      description: 'Réservation la veille.\n=2+2 minibus',
      lead: 'Service mobilité',
      targetPublic: 'Jeunes, seniors',
      partners: 'Région; transporteur',
      risks: '# Pas un titre',
      budget: 250_000.5,
      structure: 'Concession de service',
      priority: 'Haute',
      status: 'Validée',
      total: 150_000.25,
      secured: 100_000,
      gap: 100_000.25,
      assessment: 'Fait',
      model: 'En cours',
      counts: [2, 1, 1],
    },
    financing: [
      [sheets.sheet, 'Région', 'Contrat mobilité', 100_000, 'Acquis'],
      [sheets.sheet, 'Autre', "'=fonds local", 50_000.25, 'À solliciter'],
    ],
    indicators: [
      [sheets.sheet, 'Trajets par mois', 0, 1200, 'Mensuelle'],
      [sheets.schools, 'Émissions', 320, -40.5, 'Annuelle'],
    ],
    // Alice 2 + Hugo 1 on mobility, Alice 1 + Bob 2 on digital (a tie), Bob 1 on buildings.
    votes: [
      ['Enjeux prioritaires', issues.mobility, 1, 3, 2],
      ['Enjeux prioritaires', issues.digital, 1, 3, 2],
      ['Enjeux prioritaires', issues.buildings, 3, 1, 1],
    ],
  };
}

describe('spreadsheet exports', () => {
  const today = () => new Date().toISOString().slice(0, 10);

  it('gives the facilitator an Excel workbook that says what the clients wrote', async () => {
    const { response, bytes } = await download('xlsx', built.fanny);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="atelier-strategie-d-innovation-territoriale-${today()}.xlsx"`,
    );
    expect(outcome(await readWorkbook(bytes))).toEqual(expected());
  });

  it('gives the facilitator a zip of French CSV files that say the same', async () => {
    const { response, bytes } = await download('csv', built.fanny);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="atelier-strategie-d-innovation-territoriale-${today()}.zip"`,
    );
    const tables = readZip(bytes);
    expect(Object.keys(tables)).toHaveLength(11);
    expect(outcome(tables)).toEqual(expected());
  });

  it('refuses both formats to a participant', async () => {
    for (const format of ['xlsx', 'csv']) {
      const { response } = await download(format, built.cast.alice.token);
      expect(response.status, format).toBe(403);
    }
  });
});

import { type ApiError, readClusters, readNotes } from '@atelier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from './docx-reader';
import { exportWorkshop, NOTE_TEXTS } from './export-workshop';
import { api, useServer } from './harness';

/**
 * The report through the API, in Markdown and in Word, read back the way a person reads each
 * file, compared with what the stock clients wrote (export-workshop.ts).
 */

const server = useServer();
let built: Awaited<ReturnType<typeof exportWorkshop>>;
beforeAll(async () => {
  built = await exportWorkshop(server);
});
afterAll(() => built?.close());

/** A report read back: its headings (level 1 = a section), list items, paragraphs and tables, in order. */
type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'item' | 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] };

async function download(format: 'md' | 'docx', token = built.fanny) {
  const response = await fetch(
    `${server.url}/api/workshops/${built.cast.workshop.id}/export?format=${format}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Markdown text as a reader sees it: escapes undone, emphasis marks dropped, `<br>` a line break. */
function mdText(markdown: string): string {
  let out = '';
  const s = markdown.replace(/<br>/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length) out += s[++i];
    else if (c !== '*') out += c;
  }
  return out.replace(/&(lt|gt|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&' })[name] ?? '');
}

/** A table row's cells: split on the pipes that are not escaped. */
function mdCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i] as string;
    if (c === '\\') cell += c + (line[++i] ?? '');
    else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((x) => mdText(x.trim()));
}

function readMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let table: string[][] | null = null;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    // A line ending in a lone backslash goes on (a hard line break).
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length)
      line = `${line.slice(0, -1)}\n${(lines[++i] as string).trimStart()}`;
    const heading = /^(#{2,6}) (.*)$/.exec(line);
    if (!line.startsWith('| ')) table = null;
    if (heading)
      blocks.push({
        kind: 'heading',
        level: (heading[1] as string).length - 1,
        text: mdText(heading[2] ?? ''),
      });
    else if (/^\s*- /.test(line)) blocks.push({ kind: 'item', text: mdText(line.replace(/^\s*- /, '')) });
    else if (line.startsWith('| ')) {
      // A table runs until a line that is not a row (a blank line ends it); its delimiter row is no row.
      if (/^\| (---:?( \| )?)+ \|$/.test(line)) continue;
      if (table) table.push(mdCells(line));
      else {
        table = [mdCells(line)];
        blocks.push({ kind: 'table', rows: table });
      }
    } else if (line.trim() !== '' && !line.startsWith('# ') && line !== '---')
      blocks.push({ kind: 'paragraph', text: mdText(line) });
  }
  return blocks;
}

function readWord(bytes: Uint8Array): Block[] {
  return readDocx(bytes).blocks.flatMap((b): Block[] => {
    if (b.kind === 'table') return [{ kind: 'table', rows: b.rows }];
    if (b.kind !== 'paragraph' || b.text === '' || b.style === 'Title') return [];
    const heading = /^Heading(\d)$/.exec(b.style ?? '');
    if (heading) return [{ kind: 'heading', level: Number(heading[1]), text: b.text }];
    return [{ kind: b.style === 'ListParagraph' ? 'item' : 'paragraph', text: b.text }];
  });
}

/** The blocks under a heading, up to the next heading of its level or above. */
function under(blocks: Block[], text: string): Block[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
  expect(start, `heading "${text}"`).toBeGreaterThanOrEqual(0);
  const level = (blocks[start] as { level: number }).level;
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}
const headings = (blocks: Block[], level: number) =>
  blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
const items = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'item' ? [b.text] : []));
const tables = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const plainRows = (rows: string[][] | undefined) => rows?.map((row) => row.map(plain));

describe('the report export', () => {
  it('is served as Markdown and as Word, named after the workshop and the day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const md = await download('md');
    expect(md.response.status).toBe(200);
    expect(md.response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.response.headers.get('content-disposition')).toBe(
      `attachment; filename="atelier-strategie-d-innovation-territoriale-${today}.md"`,
    );
    const docx = await download('docx');
    expect(docx.response.status).toBe(200);
    expect(docx.response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.response.headers.get('content-disposition')).toBe(
      `attachment; filename="atelier-strategie-d-innovation-territoriale-${today}.docx"`,
    );
    expect(readDocx(docx.bytes).properties.title).toBe('Stratégie d’innovation territoriale');
  });

  it('is refused to participants', async () => {
    for (const format of ['md', 'docx'] as const) {
      const answer = await api<ApiError>(
        server.url,
        'GET',
        `/api/workshops/${built.cast.workshop.id}/export?format=${format}`,
        { token: built.cast.alice.token },
      );
      expect([answer.status, answer.body.error.code]).toEqual([403, 'forbidden']);
    }
  });

  describe.each(['md', 'docx'] as const)('in %s', (format) => {
    let report: Block[];
    beforeAll(async () => {
      const { bytes } = await download(format);
      report = format === 'md' ? readMarkdown(new TextDecoder().decode(bytes)) : readWord(bytes);
    });

    it('ranks the issues as the facilitator did, each with the notes sorted into it, as typed', () => {
      const issues = under(report, 'Enjeux prioritaires');
      // The facilitator's synced board: the issues ranked, each with its notes in order.
      const clusters = readClusters(built.board);
      const notes = new Map(readNotes(built.board).map((n) => [n.id, n]));
      const { alice, bob, hugo } = built.cast;
      const groups = new Map([
        [alice.participantId, 'Habitant·e'],
        [bob.participantId, 'Entreprise'],
        [hugo.participantId, 'Élu·e'],
      ]);
      const noteLine = (id: string) => `${notes.get(id)?.text} — ${groups.get(notes.get(id)?.author ?? '')}`;
      const ranked = clusters.map((c, i) => `Enjeu n° ${i + 1}\u00a0: ${c.title}`);
      expect(headings(issues, 2)).toEqual(ranked);
      for (const [i, cluster] of clusters.entries())
        expect(items(under(under(issues, ranked[i] as string), 'Contributions à l’appui'))).toEqual(
          cluster.noteIds.map(noteLine),
        );
      // What that is, as the clients wrote it.
      expect(ranked).toEqual([
        'Enjeu n° 1\u00a0: Mobilité du quotidien',
        'Enjeu n° 2\u00a0: Couverture numérique',
        'Enjeu n° 3\u00a0: Bâtiments <publics>',
      ]);
      expect(items(under(under(issues, ranked[2] as string), 'Contributions à l’appui'))).toEqual([
        `${NOTE_TEXTS.hugo[0]} — Élu·e`,
        `${NOTE_TEXTS.alice[1]} — Habitant·e`,
        `${NOTE_TEXTS.bob[2]} — Entreprise`,
      ]);
      // The note sorted into no issue is in the assessment, under its theme.
      expect(items(under(report, 'Diagnostic territorial'))).toContain(`${NOTE_TEXTS.alice[2]} — Habitant·e`);
    });

    it('gives each sheet its fields and its financing plan’s totals', () => {
      const sheet = under(under(report, 'Plan d’actions'), 'Transport à la demande');
      const [fields, financing, totals] = tables(sheet).map(plainRows);
      expect(fields).toEqual([
        ['Rubrique', 'Contenu'],
        ['Axe stratégique', 'Axe 1 · Un territoire accessible'],
        ['Pilote (service ou élu·e référent·e)', 'Service mobilité'],
        ['Public cible', 'Jeunes, seniors'],
        ['Objectifs', 'Desservir les villages le soir'],
        ['Description / contenu de l’action', 'Réservation la veille.\n=2+2 minibus'],
        ['Partenaires', 'Région; transporteur'],
        ['Risques / points de vigilance', '# Pas un titre'],
        ['Budget prévisionnel (€ HT)', '250 000,50 €'],
        ['Montage juridique / contractuel', 'Concession de service'],
        ['Priorité', 'Haute'],
        ['Statut', 'Validée'],
      ]);
      expect(financing).toEqual([
        ['Source', 'Précision', 'Montant (€)', 'État'],
        ['Région', 'Contrat mobilité', '100 000 €', 'Acquis'],
        ['Autre', '=fonds local', '50 000,25 €', 'À solliciter'],
      ]);
      expect(totals).toEqual([
        ['Totaux', 'Montant (€)'],
        ['Total du plan', '150 000,25 €'],
        ['Acquis', '100 000 €'],
        ['À solliciter', '50 000,25 €'],
        ['Écart avec le budget', 'Reste à financer : 100 000,25 €'],
      ]);
      const schools = tables(under(under(report, 'Plan d’actions'), 'Isolation des écoles')).map(plainRows);
      expect(schools[0]).toContainEqual(['Budget prévisionnel (€ HT)', '1 200 000 €']);
      expect(schools[0]).toContainEqual(['Public cible', '—']);
    });

    it('tables the indicators and the partners', () => {
      expect(plainRows(tables(under(report, 'Suivi et évaluation'))[0])).toEqual([
        ['Fiche action', 'Indicateur', 'Unité', 'Valeur de référence', 'Valeur cible', 'Fréquence', 'Source'],
        ['Transport à la demande', 'Trajets par mois', 'trajets', '0', '1 200', 'Mensuelle', 'Billettique'],
        ['Isolation des écoles', 'Émissions', 't CO₂/an', '320', '-40,5', 'Annuelle', '—'],
      ]);
      const partnerships = under(under(report, 'Partenariats'), 'Transport à la demande');
      expect(tables(partnerships)[0]).toEqual([
        ['Nom', 'Type d’acteur', 'Rôle dans l’action', 'Contact'],
        ['Transdev', 'Industriel', 'Exploitant', 'contact@example.org'],
      ]);
    });

    it('ranks the revealed round’s targets with their totals', () => {
      const round = under(under(report, 'Résultats des votes'), 'Enjeux prioritaires');
      expect(round.find((b) => b.kind === 'paragraph')).toMatchObject({
        text: expect.stringMatching(/^Vote par gommettes · Enjeux · 3 votant·es · révélé le /),
      });
      expect(tables(under(round, 'Classement'))[0]).toEqual([
        ['Rang', 'Élément', 'Total', 'Votant·es'],
        ['1 (ex aequo)', 'Mobilité du quotidien', '3', '2'],
        ['1 (ex aequo)', 'Couverture numérique', '3', '2'],
        ['3', 'Bâtiments <publics>', '1', '1'],
      ]);
    });
  });
});

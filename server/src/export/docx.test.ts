import { buildStrategy, type ReportBlock, strategyReport } from '@atelier/shared';
import { fixtureWorkshop } from '@atelier/shared/workshop.fixture';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocxBlock, type DocxContent, readDocx } from '../../test/docx-reader';
import { reportDocx } from './docx';

const report = strategyReport(buildStrategy(fixtureWorkshop().source), 'fr');
let docx: DocxContent;
beforeAll(async () => {
  docx = readDocx(await reportDocx(report));
});

const paragraphs = (blocks: DocxBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' && b.text !== '' ? [b] : []));

/** What a model block should look like once in Word. */
function inWord(block: ReportBlock): unknown[] {
  switch (block.kind) {
    case 'heading':
      return [{ style: `Heading${block.level}`, text: block.text }];
    case 'paragraph':
      return [{ style: null, text: block.runs.map((r) => r.text).join('') }];
    case 'bullets':
      return block.items.map((item) => ({
        style: 'ListParagraph',
        text: item.runs.map((r) => r.text).join(''),
      }));
    case 'table':
      return [{ table: [block.header, ...block.rows] }];
  }
}

describe('reportDocx', () => {
  it('says everything the report model says, in its order: headings styled, lists, tables', () => {
    const body = docx.blocks.slice(docx.blocks.findIndex((b) => b.kind === 'toc') + 1);
    const read = body.flatMap((b): unknown[] => {
      if (b.kind === 'table') return [{ table: b.rows }];
      if (b.kind === 'paragraph' && b.text !== '') return [{ style: b.style, text: b.text }];
      return [];
    });
    expect(read).toEqual(report.blocks.flatMap(inWord));
  });

  it('opens with a title page and a table of contents of the sections', () => {
    const [title, ...rest] = paragraphs(docx.blocks);
    expect(title).toMatchObject({ style: 'Title', text: 'Stratégie d’innovation — Val de Loue' });
    expect(rest.slice(0, 5).map((p) => p.text)).toEqual([
      'Rapport de l’atelier',
      'Territoire\u00a0: Communauté d’agglomération du Val de Loue — Intercommunalité (EPCI)',
      'Date de l’atelier\u00a0: 3 déc. 2026',
      'Animateur·rice\u00a0: Camille Martin',
      'Rapport établi avec Atelier le 3 déc. 2026',
    ]);
    expect(rest[1]?.runs[0]).toMatchObject({ text: 'Territoire\u00a0: ', bold: true });
    const toc = docx.blocks.find((b) => b.kind === 'toc');
    expect(toc?.kind === 'toc' && toc.entries.map((e) => e.trim())).toEqual(
      expect.arrayContaining(['Synthèse', 'Enjeu n° 1\u00a0: Mobilité du quotidien', 'Résultats des votes']),
    );
    expect(docx.fields).toContain('TOC \\h \\o "1-2"');
  });

  it('has a header row on every table, the title in the running header and page numbers in the footer', () => {
    const tables = docx.blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) expect(table.kind === 'table' && table.headerRows).toBe(1);
    expect(docx.headers).toContain('Stratégie d’innovation — Val de Loue');
    expect(docx.fields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
    expect(docx.properties).toEqual({
      title: 'Stratégie d’innovation — Val de Loue',
      creator: 'Camille Martin',
    });
  });

  it('writes participants’ texts as text: markup stays characters, line breaks are breaks (w:br)', () => {
    const texts = paragraphs(docx.blocks).map((p) => p.text);
    expect(texts).toContain('<b>Zones blanches</b> & *fibre* — Habitant·e');
    expect(texts).toContain('=HYPERLINK("http://evil") — Élu·e');
    expect(docx.documentXml).toContain('&lt;b&gt;Zones blanches&lt;/b&gt; &amp; *fibre*');
    expect(docx.documentXml).not.toContain('<b>');
    const sheet = docx.blocks.find((b) => b.kind === 'table' && b.rows[1]?.[0] === 'Axe stratégique');
    expect(sheet?.kind === 'table' && sheet.rows).toContainEqual([
      'Description / contenu de l’action',
      'Un service réservable la veille.\nDeux minibus.',
    ]);
  });

  it('leaves out what XML cannot hold, so a pasted control character does not break the file', async () => {
    const strategy = buildStrategy(fixtureWorkshop().source);
    const pasted = {
      ...strategy,
      notes: strategy.notes.map((n) =>
        n.id === 'n1' ? { ...n, text: 'bus\u0001\u000b après\uFFFF 19 h \ud800😀' } : n,
      ),
    };
    const read = readDocx(await reportDocx(strategyReport(pasted, 'fr')));
    // Only characters XML 1.0 allows.
    expect(read.documentXml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(paragraphs(read.blocks).map((p) => p.text)).toContain('bus après 19 h 😀 — Habitant·e');
  });
});

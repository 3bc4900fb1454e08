import type { Report, ReportAlign, ReportBlock, ReportRun } from '@atelier/shared';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type IRunOptions,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * The report as a Word document: a title page, a table of contents, then one section of the
 * report per page, in Word's heading styles (so the table of contents and the navigation pane
 * work). Participants' texts are plain text runs: the library escapes XML, and `<b>` in a note
 * is the three characters.
 */

/** An A4 page with 2 cm margins, and its text's width, in twentieths of a point (twips). */
const PAGE = { width: 11_906, height: 16_838, margin: 1134 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ACCENT = '1F4E79';
const HEADER_FILL = 'DCE6F0';

/** What XML 1.0 cannot hold (a document with one does not open): control characters, U+FFFE… */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A run's text as Word runs: each line break in it a break in the run. */
function textRuns(run: ReportRun, extra: IRunOptions = {}): TextRun[] {
  return run.text
    .replace(NOT_XML, '')
    .split(/\r\n?|\n/)
    .map(
      (line, i) =>
        new TextRun({
          ...extra,
          text: line,
          ...(run.bold ? { bold: true } : {}),
          ...(run.italic ? { italics: true } : {}),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    );
}

const paragraphRuns = (runs: ReportRun[]) => runs.flatMap((r) => textRuns(r));

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT } as const;

/** A character of table text (bold, in a wide font) and a cell's side margin, in twips (10-point text). */
const CHAR = 135;
const CELL_MARGIN = 80;

/**
 * Column widths in twips, from what the columns hold: each at least as wide as its longest
 * word, the header's included, so no word is cut; the room left goes to the columns with long
 * texts (a rank column stays narrow, a description takes the room).
 */
function columnWidths(header: string[], rows: string[][]): number[] {
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));
  const columns = header.map((title, i) => {
    const cells = rows.map((row) => row[i] ?? '');
    const longestLine = Math.max(0, ...cells.flatMap((cell) => cell.split('\n').map((line) => line.length)));
    const least = Math.max(...[title, ...cells].map(longestWord)) * CHAR + 3 * CELL_MARGIN;
    return { least, wish: Math.max(0, Math.min(longestLine, 60) * CHAR + 3 * CELL_MARGIN - least) };
  });
  const least = columns.reduce((sum, c) => sum + c.least, 0);
  const wish = columns.reduce((sum, c) => sum + c.wish, 0);
  if (least >= TEXT_WIDTH || wish === 0)
    return columns.map((c) => Math.floor((TEXT_WIDTH * c.least) / least));
  return columns.map((c) => c.least + Math.floor(((TEXT_WIDTH - least) * c.wish) / wish));
}

function table(header: string[], rows: string[][], align: ReportAlign[]): Table {
  const widths = columnWidths(header, rows);
  const cell = (text: string, column: number, head: boolean) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
      children: [
        new Paragraph({
          alignment: ALIGN[align[column] ?? 'left'],
          spacing: { before: 0, after: 0 },
          children: textRuns({ text, bold: head }, { size: 20 }),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // Repeated at the top of each page the table runs onto.
      new TableRow({ tableHeader: true, children: header.map((text, i) => cell(text, i, true)) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) }),
      ),
    ],
  });
}

function blocks(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          // Each section of the report starts a page.
          ...(block.level === 1 ? { pageBreakBefore: true } : {}),
          children: textRuns({ text: block.text }),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: paragraphRuns(block.runs) })];
    case 'bullets':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: item.level }, children: paragraphRuns(item.runs) }),
      );
    case 'table':
      // A table straight after another would merge with it in Word: an empty paragraph between.
      return [table(block.header, block.rows, block.align), new Paragraph({ spacing: { after: 0 } })];
  }
}

function titlePage(report: Report): Paragraph[] {
  const { titlePage: page } = report;
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 3000 },
      children: textRuns({ text: page.title }),
    }),
    new Paragraph({
      spacing: { after: 600 },
      children: textRuns({ text: page.subtitle }, { size: 32, color: ACCENT }),
    }),
    ...page.lines.map((line) => new Paragraph({ children: paragraphRuns(line) })),
    new Paragraph({ spacing: { before: 600 }, children: textRuns({ text: page.madeWith, italic: true }) }),
  ];
}

export async function reportDocx(report: Report): Promise<Uint8Array> {
  const headingStyle = (size: number) => ({
    run: { size, bold: true, color: ACCENT, font: 'Calibri' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
  });
  const document = new Document({
    title: report.title,
    subject: report.subject,
    creator: report.author,
    lastModifiedBy: report.author,
    description: report.titlePage.madeWith,
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: report.locale === 'fr' ? 'fr-FR' : 'en-GB' } },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { size: 52, bold: true, color: ACCENT, font: 'Calibri' } },
        heading1: headingStyle(32),
        heading2: headingStyle(26),
        heading3: headingStyle(23),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
          // The title page has no running header nor page number.
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: textRuns({ text: report.title }, { size: 18, color: '666666' }),
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ size: 18, children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
          first: new Footer({ children: [new Paragraph({})] }),
        },
        children: [
          ...titlePage(report),
          new Paragraph({
            pageBreakBefore: true,
            children: textRuns({ text: report.contentsTitle }, { size: 32, bold: true, color: ACCENT }),
          }),
          // Its entries are written with it (linked to their headings) and it is written clean, so
          // no application asks to update fields on opening. Without page numbers: laying the
          // pages out to find them (docx/layout) takes seconds for a big workshop, on the
          // server's event loop. Word fills them in on "Update field".
          new TableOfContents(report.contentsTitle, {
            hyperlink: true,
            headingStyleRange: '1-2',
            beginDirty: false,
            tabLeader: LeaderType.NONE,
          }),
          ...report.blocks.flatMap(blocks),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

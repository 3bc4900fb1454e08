/**
 * Reads a .docx as a person sees it, for the report tests: unzipped with fflate, its XML parsed
 * with fast-xml-parser (entities decoded: a text reading `<b>` is that text), then the body in
 * order as paragraphs (style, text, runs) and tables (rows of cell texts).
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
}
export type DocxBlock =
  | { kind: 'paragraph'; style: string | null; text: string; runs: DocxRun[] }
  | { kind: 'table'; rows: string[][]; headerRows: number }
  /** A table of contents: its entries' texts. */
  | { kind: 'toc'; entries: string[] };

export interface DocxContent {
  blocks: DocxBlock[];
  /** word/document.xml as written. */
  documentXml: string;
  /** The document's title and creator (docProps/core.xml). */
  properties: { title: string; creator: string };
  /** The texts of the headers and footers, and their fields' instructions. */
  headers: string[];
  footers: string[];
  fields: string[];
}

/** fast-xml-parser's document-order form: each node is `{ tag: children, ':@'?: attributes }`. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
});

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode): XmlNode[] => {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? children : [];
};
const find = (nodes: XmlNode[], tag: string) => nodes.find((n) => tagOf(n) === tag);

/** Every node named `tag` under `nodes`, depth first. */
function all(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((n) => (tagOf(n) === tag ? [n] : all(childrenOf(n), tag)));
}

function runText(run: XmlNode): string {
  return childrenOf(run)
    .map((child) => {
      const tag = tagOf(child);
      if (tag === 'w:t')
        return childrenOf(child)
          .map((t) => String(t['#text'] ?? ''))
          .join('');
      if (tag === 'w:br') return '\n';
      if (tag === 'w:tab') return '\t';
      return '';
    })
    .join('');
}

function paragraph(p: XmlNode): Extract<DocxBlock, { kind: 'paragraph' }> {
  const props = childrenOf(find(childrenOf(p), 'w:pPr') ?? {});
  const style = find(props, 'w:pStyle')?.[':@']?.['w:val'] ?? null;
  const runs = all(childrenOf(p), 'w:r').map((r) => {
    const rPr = childrenOf(find(childrenOf(r), 'w:rPr') ?? {});
    return { text: runText(r), bold: find(rPr, 'w:b') !== undefined, italic: find(rPr, 'w:i') !== undefined };
  });
  return { kind: 'paragraph', style, text: runs.map((r) => r.text).join(''), runs };
}

function table(tbl: XmlNode): Extract<DocxBlock, { kind: 'table' }> {
  const rows = childrenOf(tbl).filter((n) => tagOf(n) === 'w:tr');
  const isHeader = (tr: XmlNode) =>
    find(childrenOf(find(childrenOf(tr), 'w:trPr') ?? {}), 'w:tblHeader') !== undefined;
  return {
    kind: 'table',
    headerRows: rows.filter(isHeader).length,
    rows: rows.map((tr) =>
      childrenOf(tr)
        .filter((n) => tagOf(n) === 'w:tc')
        .map((tc) =>
          all(childrenOf(tc), 'w:p')
            .map((p) => paragraph(p).text)
            .join('\n'),
        ),
    ),
  };
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const files = unzipSync(bytes);
  const xml = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`No ${path} in the document`);
    return parser.parse(strFromU8(file)) as XmlNode[];
  };
  const documentXml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const body = childrenOf(
    find(childrenOf(find(xml('word/document.xml'), 'w:document') ?? {}), 'w:body') ?? {},
  );
  const blocks = body.flatMap((node): DocxBlock[] => {
    const tag = tagOf(node);
    if (tag === 'w:p') return [paragraph(node)];
    if (tag === 'w:tbl') return [table(node)];
    if (tag === 'w:sdt')
      return [{ kind: 'toc', entries: all(childrenOf(node), 'w:p').map((p) => paragraph(p).text) }];
    return [];
  });
  const core = childrenOf(find(xml('docProps/core.xml'), 'cp:coreProperties') ?? {});
  const coreText = (tag: string) =>
    childrenOf(find(core, tag) ?? {})
      .map((t) => String(t['#text'] ?? ''))
      .join('');
  const partTexts = (prefix: string) =>
    Object.keys(files)
      .filter((path) => path.startsWith(`word/${prefix}`) && path.endsWith('.xml'))
      .sort()
      .map((path) =>
        all(xml(path), 'w:p')
          .map((p) => paragraph(p).text)
          .join('\n'),
      );
  const fields = Object.keys(files)
    .filter((path) => path.startsWith('word/') && path.endsWith('.xml'))
    .flatMap((path) =>
      all(xml(path), 'w:instrText').map((node) =>
        childrenOf(node)
          .map((t) => String(t['#text'] ?? ''))
          .join('')
          .trim(),
      ),
    );
  return {
    blocks,
    documentXml,
    properties: { title: coreText('dc:title'), creator: coreText('dc:creator') },
    headers: partTexts('header'),
    footers: partTexts('footer'),
    fields,
  };
}

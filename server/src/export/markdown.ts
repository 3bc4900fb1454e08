import type { Report, ReportBlock, ReportBullet, ReportRun } from '@atelier/shared';

/**
 * The report as GitHub-flavoured Markdown. Everything in the report model is text, never
 * markup, so every text goes through `escapeMarkdown`: a note reading `<script>`,
 * `[link](javascript:…)`, `**bold**` or `# title` shows those characters, nothing more.
 */

/**
 * Characters that are markup somewhere in GitHub-flavoured Markdown: `$` is GitHub's maths,
 * `@` makes an e-mail address a link.
 */
const MARKUP = /[\\`*_[\]()#+\-!|~$@]/g;

/**
 * Text made literal in Markdown: its markup characters backslash-escaped, `&`, `<` and `>` as
 * entities (no HTML tag or entity gets through), web addresses kept from becoming links
 * (`http\://`, `www\.`), and what only a line's start makes markup (`1.` a list, `=` a
 * heading's underline) defused on every line. Its line breaks become
 * `lineBreak`: `<br>` in a table cell, a hard break (`\` + newline, indented to stay in a list
 * item) in a paragraph, a space in a heading.
 */
export function escapeMarkdown(text: string, lineBreak = ' '): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) =>
      line
        .replace(MARKUP, '\\$&')
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/^([ \t]*\d+)([.)])/, '$1\\$2')
        .replace(/^([ \t]*)=/, '$1\\='),
    )
    .join(lineBreak);
}

/** A run, its emphasis marks hugging the text (`** a**` would not be bold: spaces go outside). */
function run({ text, bold, italic }: ReportRun, lineBreak: string): string {
  const marks = `${bold ? '**' : ''}${italic ? '*' : ''}`;
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (marks === '' || core === '') return escapeMarkdown(text, lineBreak);
  return `${escapeMarkdown(before, lineBreak)}${marks}${escapeMarkdown(core, lineBreak)}${[...marks].reverse().join('')}${escapeMarkdown(after, lineBreak)}`;
}

const HARD_BREAK = '\\\n';

/**
 * A paragraph's runs: without the first line's indentation (four spaces would make it code)
 * nor a hard break at its very end (Markdown would show the backslash).
 */
const runs = (items: ReportRun[], lineBreak: string) =>
  items
    .map((r) => run(r, lineBreak))
    .join('')
    .replace(/^[ \t]+/, '')
    .replace(/(?:\\\n *)+$/, '');

function bullet(item: ReportBullet): string {
  const indent = '  '.repeat(item.level);
  return `${indent}- ${runs(item.runs, `${HARD_BREAK}${indent}  `)}`;
}

const cell = (text: string) => (text === '' ? ' ' : escapeMarkdown(text, '<br>'));

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      // The document's title is the only level-1 heading.
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return runs(b.runs, HARD_BREAK);
    case 'bullets':
      return b.items.map(bullet).join('\n');
    case 'table': {
      const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      const rule = `| ${b.header.map((_, i) => (b.align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
      return [line(b.header), rule, ...b.rows.map(line)].join('\n');
    }
  }
}

export function reportMarkdown(report: Report): string {
  const { titlePage } = report;
  const parts = [
    `# ${escapeMarkdown(titlePage.title)}`,
    run({ text: titlePage.subtitle, bold: true }, HARD_BREAK),
    ...titlePage.lines.map((line) => runs(line, HARD_BREAK)),
    run({ text: titlePage.madeWith, italic: true }, HARD_BREAK),
    '---',
    ...report.blocks.map(block),
  ];
  return `${parts.join('\n\n')}\n`;
}
